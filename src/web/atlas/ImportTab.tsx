import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../contract/atlas.ts';
import { errorMessage } from '../shell/errors.ts';
import { atlasApi } from './api.ts';

const EXAMPLE = `source,transits,border_crossings,destination,forms,sectors,populations,year_from,year_to,confidence,basis,notes,visibility
"Yangon, MM","Myawadi, MM;Mae Sot, TH","Mae Sot, TH","Samut Sakhon, TH",ForcedLabour,Fishing,migrants;men,2019,2023,likely,casework,,coalition`;

/** CSV import: check first (line and column errors), then import all or nothing. */
export function ImportTab() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      setResult(await atlasApi.importCsv(csv, dryRun));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="atlas-import-h">
      <h2 id="atlas-import-h">{t('atlas.import.title')}</h2>
      <p>{t('atlas.import.intro')}</p>
      <pre className="atlas-example">{EXAMPLE}</pre>
      <div className="field">
        <label htmlFor="import-file">{t('atlas.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) {
              setCsv(await f.text());
              setResult(null);
            }
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="import-text">{t('atlas.import.paste')}</label>
        <textarea
          id="import-text"
          rows={8}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setResult(null);
          }}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn btn-quiet"
          disabled={!csv || busy}
          onClick={() => void run(true)}
        >
          {t('atlas.import.check')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!csv || busy || !result?.ok || !result.dryRun}
          onClick={() => void run(false)}
        >
          {t('atlas.import.run')}
        </button>
      </div>
      {error && <p className="alert alert-error">{error}</p>}
      {result && (
        <div aria-live="polite">
          {result.ok ? (
            <p className="alert alert-ok">
              {result.dryRun
                ? t('atlas.import.ready', { count: result.lines })
                : t('atlas.import.done', { count: result.imported })}
            </p>
          ) : (
            <div className="alert alert-error">
              <p>{t('atlas.import.failed', { count: result.errors.length })}</p>
              <ul>
                {result.errors.map((e, i) => (
                  <li key={i}>
                    {t('atlas.import.lineError', {
                      line: e.line,
                      column: e.column,
                      message: e.message,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.warnings.length > 0 && (
            <ul className="alert alert-warn">
              {result.warnings.map((w, i) => (
                <li key={i}>
                  {t('atlas.import.lineError', {
                    line: w.line,
                    column: w.column,
                    message: w.message,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
