import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Organisation } from '../../contract/organisations.ts';
import { ApiError, api } from '../api.ts';
import { errorMessage } from '../shell/errors.ts';
import { useFlash } from '../shell/flash.tsx';
import { NotFound } from '../shell/NotFound.tsx';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { useCountries, useProvinceNames } from './places.ts';
import { VisibilityBadge } from './VisibilityBadge.tsx';
import { label, type VocabName } from './vocab.ts';

export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const res = useResource(`org:${id}`, (signal) => api.getOrganisation(id, signal));
  useTitle(res.data?.name);

  if (res.error instanceof ApiError && (res.error.status === 404 || res.error.status === 400)) {
    return <NotFound message={t('org.notFound')} />;
  }
  if (res.error !== undefined) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{errorMessage(t, res.error)}</p>
        <button type="button" className="btn btn-quiet" onClick={res.reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!res.data) return <p className="muted">{t('app.loading')}</p>;
  return <OrganisationView org={res.data} />;
}

function OrganisationView({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const provinceNames = useProvinceNames(org.countries);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const flash = useFlash();

  const updated = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
    new Date(org.updatedAt),
  );

  async function remove() {
    setDeleting(true);
    setError(null);
    try {
      await api.deleteOrganisation(org.id);
      flash.show(t('org.deleted', { name: org.name }), '/directory');
      navigate('/directory');
    } catch (err) {
      setError(errorMessage(t, err));
      setDeleting(false);
    }
  }

  const codes = (vocab: VocabName, values: readonly string[]) =>
    values.length === 0 ? (
      <span className="muted">{t('org.none')}</span>
    ) : (
      <ul className="tags">
        {values.map((v) => (
          <li key={v}>{label(t, vocab, v)}</li>
        ))}
      </ul>
    );

  const safeWebsite = org.website && /^https?:\/\//i.test(org.website) ? org.website : null;

  return (
    <article className="org" aria-labelledby="org-title">
      <p className="crumbs">
        <Link href="/directory">← {t('nav.directory')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="org-title" tabIndex={-1}>
            {org.name}
          </h1>
          <p className="card-meta">
            {label(t, 'type', org.type)} <VisibilityBadge visibility={org.visibility} />
          </p>
        </div>
        {(org.can.update || org.can.delete) && (
          <div className="actions">
            {org.can.update && (
              <Link href={`/directory/${org.id}/edit`} className="btn btn-primary">
                {t('org.edit')}
              </Link>
            )}
            {org.can.delete && !confirming && (
              <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
                {t('org.delete')}
              </button>
            )}
          </div>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{t('org.deleteConfirm', { name: org.name })}</p>
          <div className="actions">
            <button type="button" className="btn btn-danger" onClick={remove} disabled={deleting}>
              {deleting ? t('org.deleting') : t('org.deleteYes')}
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => setConfirming(false)}
              disabled={deleting}
              autoFocus
            >
              {t('org.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}

      {org.description && <p className="description">{org.description}</p>}

      <dl className="facts">
        <Fact term={t('org.kindsOfWork')}>{codes('kindOfWork', org.kindsOfWork)}</Fact>
        <Fact term={t('org.forms')}>{codes('form', org.forms)}</Fact>
        <Fact term={t('org.supportServices')}>{codes('supportService', org.supportServices)}</Fact>
        <Fact term={t('org.populations')}>{codes('population', org.populations)}</Fact>
        <Fact term={t('org.languages')}>{codes('language', org.languages)}</Fact>
        <Fact term={t('org.countries')}>
          {org.countries.length === 0 ? (
            <span className="muted">{t('org.none')}</span>
          ) : (
            <ul className="tags">
              {org.countries.map((c) => (
                <li key={c}>{countries.byCode.get(c)?.label ?? c}</li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('org.provinces')}>
          {org.provinces.length === 0 ? (
            <span className="muted">{t('org.none')}</span>
          ) : (
            <ul className="tags">
              {org.provinces.map((p) => (
                <li key={p}>{provinceNames.get(p) ?? p}</li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('org.website')}>
          {safeWebsite ? (
            <a href={safeWebsite} rel="noopener noreferrer nofollow">
              {safeWebsite}
            </a>
          ) : (
            <span className="muted">{org.website ?? t('org.none')}</span>
          )}
        </Fact>
        <Fact term={t('org.publicContact')}>
          {org.publicContact ?? <span className="muted">{t('org.none')}</span>}
        </Fact>
        <Fact term={t('org.visibility')}>{t(`visibilityHelp.${org.visibility}`)}</Fact>
        <Fact term={t('org.updatedAt')}>
          <time dateTime={org.updatedAt}>{updated}</time>
        </Fact>
      </dl>
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
