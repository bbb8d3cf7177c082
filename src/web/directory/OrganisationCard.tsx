import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Organisation } from '../../contract/organisations.ts';
import type { CountryOption } from './places.ts';
import { VisibilityBadge } from './VisibilityBadge.tsx';
import { label } from './vocab.ts';

const MAX_COUNTRIES = 4;

export function OrganisationCard({
  org,
  countries,
}: {
  org: Organisation;
  countries: Map<string, CountryOption>;
}) {
  const { t, i18n } = useTranslation();
  const names = org.countries.map((c) => countries.get(c)?.name ?? c);
  const list = new Intl.ListFormat(i18n.language, { style: 'short', type: 'unit' });
  const shownCountries =
    names.length > MAX_COUNTRIES
      ? `${list.format(names.slice(0, MAX_COUNTRIES))} +${names.length - MAX_COUNTRIES}`
      : list.format(names);
  return (
    <article className="card">
      <div className="card-head">
        <h3>
          <Link href={`/directory/${org.id}`}>{org.name}</Link>
        </h3>
        <VisibilityBadge visibility={org.visibility} />
      </div>
      <p className="card-meta">
        {label(t, 'type', org.type)}
        {shownCountries && ` · ${shownCountries}`}
      </p>
      {org.kindsOfWork.length > 0 && (
        <ul className="tags" aria-label={t('org.kindsOfWork')}>
          {org.kindsOfWork.map((k) => (
            <li key={k}>{label(t, 'kindOfWork', k)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
