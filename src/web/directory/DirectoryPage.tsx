import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { api, type OrganisationFilters } from '../api.ts';
import { useSession } from '../auth/session.tsx';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { OrganisationCard } from './OrganisationCard.tsx';
import { useCountries } from './places.ts';
import { VOCABS, isCode, label, type VocabName } from './vocab.ts';

const PAGE_SIZE = 20;
type FilterKey = 'country' | 'kindOfWork' | 'form' | 'type';
const FILTER_VOCAB: Record<Exclude<FilterKey, 'country'>, VocabName> = {
  kindOfWork: 'kindOfWork',
  form: 'form',
  type: 'type',
};

/** The URL is the state of this page: filters can be bookmarked, shared and undone with Back. */
function filtersFrom(params: URLSearchParams): { filters: OrganisationFilters; page: number } {
  const f: OrganisationFilters = {};
  const q = params.get('q')?.trim();
  if (q) f.q = q.slice(0, 200);
  const country = params.get('country');
  if (country && /^[A-Z]{2}$/.test(country)) f.country = country;
  const kind = params.get('kindOfWork');
  if (isCode('kindOfWork', kind)) f.kindOfWork = kind;
  const form = params.get('form');
  if (isCode('form', form)) f.form = form;
  const type = params.get('type');
  if (isCode('type', type)) f.type = type;
  const page = Math.max(1, Math.min(50_000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  return { filters: f, page };
}

export function DirectoryPage() {
  const { t } = useTranslation();
  useTitle(t('directory.title'));
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const { filters, page } = filtersFrom(params);
  const countries = useCountries();
  const ids = useId();

  // The search box is typed into freely and reaches the URL (and the server) after a pause.
  const urlQ = filters.q ?? '';
  const [draft, setDraft] = useState(urlQ);
  const [seenQ, setSeenQ] = useState(urlQ);
  if (seenQ !== urlQ) {
    // the URL changed under us (Back, "clear filters"): show what it says
    setSeenQ(urlQ);
    setDraft(urlQ);
  }
  function update(changes: Partial<Record<FilterKey | 'q' | 'page', string>>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page'); // a new filter starts at page 1
        return next;
      },
      { replace: true },
    );
  }

  const pushSearch = useEffectEvent((q: string) => update({ q }));
  useEffect(() => {
    if (draft.trim() === urlQ) return;
    const timer = setTimeout(() => pushSearch(draft.trim()), 350);
    return () => clearTimeout(timer);
  }, [draft, urlQ]);

  const query: OrganisationFilters = {
    ...filters,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const key = JSON.stringify(query);
  const list = useResource(key, (signal) => api.listOrganisations(query, signal));
  const shown = list.data ?? list.previous;
  const total = shown?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const anyFilter = Object.keys(filters).length > 0;

  // Turning a page: bring the top of the results into view and put the focus there, since the
  // link that was clicked may no longer exist.
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const lastPage = useRef(page);
  useEffect(() => {
    if (lastPage.current === page) return;
    lastPage.current = page;
    resultsRef.current?.focus();
    resultsRef.current?.scrollIntoView({ block: 'start' });
  }, [page]);

  function pageHref(p: number): string {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    const s = next.toString();
    return `/directory${s ? `?${s}` : ''}`;
  }

  return (
    <section aria-labelledby="dir-title">
      <div className="page-head">
        <div>
          <h1 id="dir-title" tabIndex={-1}>
            {t('directory.title')}
          </h1>
          <p className="muted">{t('directory.intro')}</p>
        </div>
        {me?.can.createOrganisation && (
          <Link href="/directory/new" className="btn btn-primary">
            {t('directory.add')}
          </Link>
        )}
      </div>
      {me === null && <p className="alert alert-info">{t('directory.publicOnly')}</p>}

      <form
        className="filters"
        role="search"
        aria-label={t('directory.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <div className="field field-search">
          <label htmlFor={`${ids}-q`}>{t('directory.search')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            name="q"
            value={draft}
            placeholder={t('directory.searchHint')}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-country`}>{t('directory.country')}</label>
          <select
            id={`${ids}-country`}
            name="country"
            value={filters.country ?? ''}
            onChange={(e) => update({ country: e.target.value })}
          >
            <option value="">{t('directory.any')}</option>
            {filters.country && !countries.byCode.has(filters.country) && (
              <option value={filters.country}>{filters.country}</option>
            )}
            {countries.options.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {(['kindOfWork', 'form', 'type'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`${ids}-${k}`}>{t(`directory.${k}`)}</label>
            <select
              id={`${ids}-${k}`}
              name={k}
              value={filters[k] ?? ''}
              onChange={(e) => update({ [k]: e.target.value })}
            >
              <option value="">{t('directory.any')}</option>
              {VOCABS[FILTER_VOCAB[k]].map((code) => (
                <option key={code} value={code}>
                  {label(t, FILTER_VOCAB[k], code)}
                </option>
              ))}
            </select>
          </div>
        ))}
        {anyFilter && (
          <div className="filters-actions">
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => update({ q: '', country: '', kindOfWork: '', form: '', type: '' })}
            >
              {t('directory.clear')}
            </button>
          </div>
        )}
      </form>

      <section aria-labelledby="results-title" aria-busy={list.loading}>
        <h2 id="results-title" className="visually-hidden" tabIndex={-1} ref={resultsRef}>
          {t('directory.resultsHeading')}
        </h2>
        <p className="result-count" role="status">
          {shown
            ? total === 0
              ? ''
              : pages === 1
                ? t('directory.count', { count: total })
                : `${t('directory.count', { count: total })} · ${t('directory.showing', {
                    from: Math.min(total, (page - 1) * PAGE_SIZE + 1),
                    to: Math.min(total, page * PAGE_SIZE),
                    total,
                  })}`
            : list.error
              ? ''
              : t('app.loading')}
        </p>
        {list.error !== undefined && (
          <div className="alert alert-error" role="alert">
            <p>{errorMessage(t, list.error)}</p>
            <button type="button" className="btn btn-quiet" onClick={list.reload}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {shown && shown.items.length === 0 && !list.loading && (
          <div className="empty">
            <p>{anyFilter ? t('directory.empty') : t('directory.emptyAll')}</p>
            {anyFilter && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => update({ q: '', country: '', kindOfWork: '', form: '', type: '' })}
              >
                {t('directory.clear')}
              </button>
            )}
          </div>
        )}
        {shown && shown.items.length > 0 && (
          <ul className="cards" aria-label={t('directory.resultsHeading')}>
            {shown.items.map((o) => (
              <li key={o.id}>
                <OrganisationCard org={o} countries={countries.byCode} />
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav className="pager" aria-label={t('directory.pagination')}>
            {page > 1 ? (
              <Link href={pageHref(page - 1)} rel="prev">
                {t('directory.previous')}
              </Link>
            ) : (
              <span aria-hidden="true" />
            )}
            <span>{t('directory.page', { page, pages })}</span>
            {page < pages ? (
              <Link href={pageHref(page + 1)} rel="next">
                {t('directory.next')}
              </Link>
            ) : (
              <span aria-hidden="true" />
            )}
          </nav>
        )}
      </section>
    </section>
  );
}
