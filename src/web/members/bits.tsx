import { useTranslation } from 'react-i18next';

/** The members pages' error line (nothing when there is no error). */
export function ErrorLine({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert">
      {error}
    </p>
  );
}

/** `<option>`s for choosing a member's organisation, "no organisation" first. */
export function OrganisationOptions({
  organisations,
}: {
  organisations: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('members.noOrganisation')}</option>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}
