import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Organisation, OrganisationUpdate } from '../../contract/organisations.ts';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.tsx';
import { errorMessage } from '../shell/errors.ts';
import { useFlash } from '../shell/flash.tsx';
import { NotFound } from '../shell/NotFound.tsx';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { EMPTY_FORM, OrganisationForm, formFrom, toDraft } from './OrganisationForm.tsx';

/** 401 means the session ended while the form was open: say so, and keep what was typed. */
function useExpiry() {
  const { expired } = useSession();
  return (err: unknown): never => {
    if (err instanceof ApiError && err.status === 401) expired();
    throw err;
  };
}

export function NewOrganisationPage() {
  const { t } = useTranslation();
  useTitle(t('form.createTitle'));
  const [, navigate] = useLocation();
  const flash = useFlash();
  const onExpiry = useExpiry();
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title" tabIndex={-1}>
        {t('form.createTitle')}
      </h1>
      <OrganisationForm
        initial={EMPTY_FORM}
        submitLabel={t('form.create')}
        cancelHref="/directory"
        onSubmit={async (form) => {
          const created = await api.createOrganisation(toDraft(form)).catch(onExpiry);
          flash.show(t('org.created'), `/directory/${created.id}`);
          navigate(`/directory/${created.id}`);
        }}
      />
    </section>
  );
}

export function EditOrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const res = useResource(`org:${id}`, (signal) => api.getOrganisation(id, signal));
  useTitle(res.data ? t('form.editTitle', { name: res.data.name }) : undefined);
  if (res.error instanceof ApiError && (res.error.status === 404 || res.error.status === 400)) {
    return <NotFound message={t('org.notFound')} />;
  }
  if (res.error !== undefined) {
    return (
      <p className="alert alert-error" role="alert">
        {errorMessage(t, res.error)}
      </p>
    );
  }
  if (!res.data) return <p className="muted">{t('app.loading')}</p>;
  if (!res.data.can.update) {
    return (
      <p className="alert alert-error" role="alert">
        {t('errors.forbidden')}
      </p>
    );
  }
  return <EditForm org={res.data} />;
}

function EditForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const onExpiry = useExpiry();
  const before = toDraft(formFrom(org));
  const here = `/directory/${org.id}`;
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title" tabIndex={-1}>
        {t('form.editTitle', { name: org.name })}
      </h1>
      <OrganisationForm
        initial={formFrom(org)}
        submitLabel={t('form.save')}
        cancelHref={here}
        onSubmit={async (form) => {
          const changes = changed(before, toDraft(form));
          if (Object.keys(changes).length > 0) {
            await api.updateOrganisation(org.id, changes).catch(onExpiry);
          }
          flash.show(t('org.saved'), here);
          navigate(here);
        }}
      />
    </section>
  );
}

/** Only what changed is sent, so two people editing different fields do not undo each other. */
function changed(before: OrganisationUpdate, after: OrganisationUpdate): OrganisationUpdate {
  const out: OrganisationUpdate = {};
  for (const k of Object.keys(after) as (keyof OrganisationUpdate)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) copy(out, after, k);
  }
  return out;
}
function copy<K extends keyof OrganisationUpdate>(
  to: OrganisationUpdate,
  from: OrganisationUpdate,
  k: K,
): void {
  to[k] = from[k];
}
