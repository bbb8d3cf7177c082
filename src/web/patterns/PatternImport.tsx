import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PatternImportProblem, PatternImportResult } from '../../contract/patterns.ts';
import en from '../i18n/en.json';
import { errorMessage } from '../shell/errors.ts';
import { patternsApi } from './api.ts';

const EXAMPLE = `form,sector,population,paid,can_leave,indicators,recruitment,moved,notes
ForcedLabour,DomesticWork,migrants,full,yes,7,free,no,employer kept the passport
ForcedLabour,Fishing,fishers,never,no,3;8;9,deceived,yes,`;

type Code = keyof typeof en.patterns.import.codes;

/** One problem in the reader's language: where (line, column) and what, from its code. */
function problemText(t: TFunction, p: PatternImportProblem): string {
  const what =
    p.code in en.patterns.import.codes
      ? t(`patterns.import.codes.${p.code as Code}`, { value: p.value ?? '' })
      : p.message;
  if (p.line === null) return what;
  return p.column
    ? t('patterns.import.at', { line: p.line, column: p.column, what })
    : t('patterns.import.atLine', { line: p.line, what });
}

/** Patterns from a CSV (the columns of `mosaic spectrum classify` and form, sector, population). */
export function PatternImport({
  eventId,
  onImported,
}: {
  eventId: string | null;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<PatternImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const r = await patternsApi.importCsv(csv, dryRun, eventId);
      setResult(r);
      if (!dryRun && r.imported > 0) onImported();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="pattern-import">
      <summary>{t('patterns.import.title')}</summary>
      <p>{t('patterns.import.intro')}</p>
      <pre className="atlas-example">{EXAMPLE}</pre>
      <div className="field">
        <label htmlFor="pattern-import-file">{t('patterns.import.file')}</label>
        <input
          id="pattern-import-file"
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
        <label htmlFor="pattern-import-text">{t('patterns.import.paste')}</label>
        <textarea
          id="pattern-import-text"
          rows={6}
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
          {t('patterns.import.check')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!csv || busy || !result?.ok || !result.dryRun}
          onClick={() => void run(false)}
        >
          {t('patterns.import.run')}
        </button>
      </div>
      {error && <p className="alert alert-error">{error}</p>}
      {result && (
        <div role="status">
          {result.ok ? (
            <p className="alert alert-ok">
              {result.dryRun
                ? t('patterns.import.ready', { count: result.lines })
                : t('patterns.import.done', { count: result.imported })}
            </p>
          ) : (
            <div className="alert alert-error">
              <p>{t('patterns.import.failed', { count: result.errors.length })}</p>
              <ul>
                {result.errors.map((p, i) => (
                  <li key={i}>{problemText(t, p)}</li>
                ))}
              </ul>
            </div>
          )}
          {result.warnings.length > 0 && (
            <div className="alert alert-warn">
              <p>{t('patterns.form.warningTitle')}</p>
              <ul>
                {result.warnings.map((p, i) => (
                  <li key={i}>{problemText(t, p)}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </details>
  );
}
