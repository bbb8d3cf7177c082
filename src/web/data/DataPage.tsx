import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EXPORT_ENTITIES, GEO_EXPORTS, type ExportEntityName } from '../../contract/exports.ts';
import { useSession } from '../auth/session.tsx';
import { useTitle } from '../shell/useTitle.ts';
import './data.css';

/** Entities the public view has (public records, and aggregates with small counts withheld). */
const PUBLIC: readonly ExportEntityName[] = ['organisations', 'places', 'flows', 'learnings'];
/** Entities only those who run events may export (the `event` update rule). */
const COORDINATORS: readonly ExportEntityName[] = ['participants'];
/** Entities a file can be imported into, and who may: any member adds routes; organisations and
 * café cards (into an event they run) are added by coordinators and admins. */
const IMPORTS: Partial<Record<ExportEntityName, 'member' | 'coordinator'>> = {
  organisations: 'coordinator',
  routes: 'member',
  cards: 'coordinator',
};

/**
 * /data — download every entity of the coalition as CSV, CSV with HXL hashtags, JSON or GeoJSON.
 * The server decides what each file holds (the policy table); this page offers only what the
 * reader's role can get, and the public version on request.
 */
export function DataPage() {
  const { t } = useTranslation();
  useTitle(t('data.title'));
  const { me } = useSession();
  const [publicChosen, setPublicOnly] = useState(false);
  // Signed out (or the session still loading): only the public version exists.
  const publicOnly = publicChosen || !me;
  const runsEvents = me?.role === 'coordinator' || me?.role === 'admin';
  const shown = EXPORT_ENTITIES.filter((e) =>
    publicOnly ? PUBLIC.includes(e) : !COORDINATORS.includes(e) || runsEvents,
  );
  const href = (e: ExportEntityName, format: string) =>
    `/api/exports/${e}?format=${format}${publicOnly ? '&view=public' : ''}`;
  return (
    <section className="data-page">
      <h1>{t('data.title')}</h1>
      <p className="lead">{t('data.intro')}</p>
      {me && (
        <label className="data-public">
          <input
            type="checkbox"
            checked={publicOnly}
            onChange={(ev) => setPublicOnly(ev.target.checked)}
          />{' '}
          {t('data.publicOnly')}
        </label>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('data.entity')}</th>
            <th scope="col">{t('data.download')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e} data-entity={e}>
              <th scope="row">
                {t(`data.entities.${e}.name`)}
                <span className="muted data-what">{t(`data.entities.${e}.what`)}</span>
              </th>
              <td className="data-formats">
                <a className="btn btn-primary" href={href(e, 'hxl')} download>
                  {t('data.formats.hxl')}
                </a>
                <a className="btn btn-quiet" href={href(e, 'csv')} download>
                  {t('data.formats.csv')}
                </a>
                <a className="btn btn-quiet" href={href(e, 'json')} download>
                  {t('data.formats.json')}
                </a>
                {GEO_EXPORTS.includes(e) && (
                  <a className="btn btn-quiet" href={href(e, 'geojson')} download>
                    {t('data.formats.geojson')}
                  </a>
                )}
                {!publicOnly &&
                  (IMPORTS[e] === 'member' || (IMPORTS[e] === 'coordinator' && runsEvents)) && (
                    <Link className="btn btn-quiet" href={`/data/import/${e}`}>
                      {t('imports.importLink')}
                    </Link>
                  )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('data.cli')}</p>
    </section>
  );
}
