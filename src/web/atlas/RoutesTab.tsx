import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../../contract/atlas.ts';
import { refusalMessage } from '../shell/errors.ts';
import { atlasApi } from './api.ts';
import { formLabel } from './labels.ts';
import { RouteForm } from './RouteForm.tsx';

const PAGE = 50;

/**
 * /atlas/routes: the routes the reader may see, newest first, each with what the reader may do to
 * it (the server's `can`, from the policy table). Edits and deletes name the version as read, so a
 * route someone changed meanwhile is refused (409), never silently overwritten or removed.
 */
export function RoutesTab() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Route[] | null>(null);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [mine, setMine] = useState(false);
  const [pending, setPending] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  // Bumped to read the list again after a change.
  const [tick, setTick] = useState(0);
  const load = () => setTick((n) => n + 1);
  useEffect(() => {
    const ctrl = new AbortController();
    atlasApi
      .routes(
        {
          limit: String(PAGE),
          offset: String(offset),
          mine: mine ? '1' : undefined,
          pending: pending ? '1' : undefined,
        },
        ctrl.signal,
      )
      .then(
        (r) => {
          setItems(r.items);
          setTotal(r.total);
        },
        (err: unknown) => {
          if (!ctrl.signal.aborted) setNotice({ ok: false, text: refusalMessage(t, err) });
        },
      );
    return () => ctrl.abort();
  }, [offset, mine, pending, tick, t]);

  const place = (r: Route, i: number) => r.stops[i]?.place.name ?? '';
  const label = (r: Route) =>
    t('atlas.list.fromTo', { from: place(r, 0), to: place(r, r.stops.length - 1) });

  async function validate(r: Route) {
    setNotice(null);
    try {
      await atlasApi.updateRoute(r.id, { reviewed: true, version: r.version });
      setNotice({ ok: true, text: t('atlas.list.validated', { route: label(r) }) });
    } catch (err) {
      setNotice({ ok: false, text: refusalMessage(t, err) });
    }
    load();
  }

  async function remove(r: Route) {
    setNotice(null);
    try {
      await atlasApi.deleteRoute(r.id, r.version);
      setNotice({ ok: true, text: t('atlas.list.deleted', { route: label(r) }) });
    } catch (err) {
      setNotice({ ok: false, text: refusalMessage(t, err) });
    }
    setDeleting(null);
    load();
  }

  return (
    <section className="atlas-routes" aria-labelledby="atlas-routes-h">
      <h2 id="atlas-routes-h">{t('atlas.list.title')}</h2>
      <label className="inline">
        <input
          type="checkbox"
          checked={mine}
          onChange={(e) => {
            setMine(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        {t('atlas.list.mine')}
      </label>{' '}
      <label className="inline">
        <input
          type="checkbox"
          checked={pending}
          onChange={(e) => {
            setPending(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        {t('atlas.list.onlyPending')}
      </label>
      {notice && (
        <p className={notice.ok ? 'alert alert-ok' : 'alert alert-error'} role="status">
          {notice.text}
        </p>
      )}
      {items === null ? (
        <p>{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('atlas.list.empty')}</p>
      ) : (
        <>
          <p>{t('atlas.list.count', { count: total })}</p>
          <ul className="atlas-route-list">
            {items.map((r) => (
              <li key={r.id} className="atlas-route-item" data-route-id={r.id}>
                {editing === r.id ? (
                  <RouteForm
                    initial={r}
                    onCancel={() => setEditing(null)}
                    onDone={(saved) => {
                      setEditing(null);
                      setNotice({ ok: true, text: t('atlas.list.saved', { route: label(saved) }) });
                      load();
                    }}
                  />
                ) : (
                  <>
                    <h3>{label(r)}</h3>
                    {r.stops.length > 2 && (
                      <p className="hint">
                        {t('atlas.list.via', {
                          places: r.stops
                            .slice(1, -1)
                            .map((s) => s.place.name)
                            .join(' · '),
                        })}
                      </p>
                    )}
                    <p>
                      {r.forms.map((f) => formLabel(t, f)).join(', ')}
                      {' · '}
                      {r.organisation?.name ?? t('atlas.list.noOrganisation')}
                      {' · '}
                      {t(`vocab.visibility.${r.visibility}`)}
                      {' · '}
                      {t('atlas.list.updated', {
                        date: new Date(r.updatedAt).toLocaleDateString(i18n.language, {
                          dateStyle: 'medium',
                        }),
                      })}
                    </p>
                    {r.reportedIn && (
                      <p className={r.pendingReview ? 'atlas-route-pending' : 'hint'}>
                        {r.pendingReview ? t('atlas.list.pending') : t('atlas.list.fromPhone')}
                      </p>
                    )}
                    {r.notes && <p className="atlas-route-notes">{r.notes}</p>}
                    {r.warnings.length > 0 && (
                      <p className="alert alert-warn">{t('atlas.list.flagged')}</p>
                    )}
                    {deleting === r.id ? (
                      <div className="atlas-row" role="group" aria-label={t('atlas.list.confirm')}>
                        <span>{t('atlas.list.confirm')}</span>
                        <button
                          type="button"
                          className="btn btn-danger"
                          onClick={() => void remove(r)}
                        >
                          {t('atlas.list.yesDelete')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-quiet"
                          onClick={() => setDeleting(null)}
                        >
                          {t('atlas.list.keep')}
                        </button>
                      </div>
                    ) : (
                      <div className="atlas-row">
                        {r.can.validate && (
                          <button
                            type="button"
                            className="btn btn-primary"
                            aria-label={t('atlas.list.validateLabel', { route: label(r) })}
                            onClick={() => void validate(r)}
                          >
                            {t('atlas.list.validate')}
                          </button>
                        )}
                        {r.can.update && (
                          <button
                            type="button"
                            className="btn"
                            aria-label={t('atlas.list.editLabel', { route: label(r) })}
                            onClick={() => setEditing(r.id)}
                          >
                            {t('atlas.list.edit')}
                          </button>
                        )}
                        {r.can.delete && (
                          <button
                            type="button"
                            className="btn btn-quiet"
                            aria-label={t('atlas.list.deleteLabel', { route: label(r) })}
                            onClick={() => setDeleting(r.id)}
                          >
                            {t('atlas.list.delete')}
                          </button>
                        )}
                      </div>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
          <div className="atlas-row">
            {offset > 0 && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t('atlas.list.previous')}
              </button>
            )}
            {offset + PAGE < total && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('atlas.list.next')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
