import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorExtra } from '../live/http.ts';
import { eventsApi, type CsvPreview, type CsvProblem } from './api.ts';
import { splitError } from './fieldErrors.ts';

/**
 * CSV import in two steps: a dry run that lists every bad line and why (nothing is stored), then
 * the import itself, all or nothing.
 */
export function CsvImport({
  eventId,
  onImported,
}: {
  eventId: string;
  /** Called with the sentence to show: the box may fold once the list is no longer empty. */
  onImported(message: string): void;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [problems, setProblems] = useState<CsvProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (s: string) => {
    setCsv(s);
    setPreview(null);
    setProblems(null);
  };

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const r = await eventsApi.importCsv(eventId, csv, dryRun);
      setProblems(null);
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setCsv('');
        onImported(t('events.csvImported', { count: r.count }));
      }
    } catch (err) {
      const found =
        err instanceof ApiError && err.status === 422
          ? errorExtra<CsvProblem[]>(err, 'problems')
          : undefined;
      setPreview(null);
      if (found) setProblems(found);
      else setError(splitError(t, err).general ?? t('events.fixMarked'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <p className="hint">{t('events.csvHelp')}</p>
      <div className="field">
        <label htmlFor="csv-file">{t('events.csvFile')}</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(change);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="csv-text">{t('events.csvText')}</label>
        <textarea
          id="csv-text"
          rows={6}
          className="mono"
          value={csv}
          spellCheck={false}
          onChange={(e) => change(e.target.value)}
          placeholder="name,organisation,sector,country,choice1,languages,email"
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn btn-quiet"
          disabled={busy || !csv.trim()}
          onClick={() => void run(true)}
        >
          {t('events.csvCheck')}
        </button>
        {preview && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void run(false)}
          >
            {t('events.csvImport', { count: preview.count })}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {error && <p className="alert alert-error">{error}</p>}
        {preview && (
          <div className="alert alert-ok">
            <p>{t('events.csvReady', { count: preview.count })}</p>
            <ul className="csv-preview">
              {preview.preview.slice(0, 5).map((p, i) => (
                <li key={i}>
                  {p.name} · {p.organisation} · {t(`join.sector.${p.sector}`)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {problems && (
          <div className="alert alert-error" data-testid="csv-problems">
            <p>{t('events.csvProblems', { count: problems.length })}</p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('events.csvLine')}</th>
                  <th scope="col">{t('events.csvColumn')}</th>
                  <th scope="col">{t('events.csvProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.line}</td>
                    <td>{p.column ?? '—'}</td>
                    <td className="problem-text">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
