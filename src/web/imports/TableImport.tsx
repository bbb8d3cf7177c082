import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorMessage } from '../shell/errors.ts';
import { errorExtra } from '../live/http.ts';
import { ColumnTable } from './ColumnTable.tsx';
import { ProblemGroups } from './ProblemGroups.tsx';
import { ValuePickers } from './ValuePickers.tsx';
import { progressId } from './api.ts';
import type { ImportProgress } from '../../contract/imports.ts';
import {
  fileToBase64,
  IMPORT_ENCODINGS,
  type ImportAnalysis,
  type ImportChoices,
  type ImportEncoding,
  type ImportSource,
} from './types.ts';

const NO_CHOICES: ImportChoices = { columns: {}, values: {} };

/** What an import request carries (the contract's ImportRequest, as the client sends it). */
export interface TableImportBody {
  csv?: string;
  file?: { name: string; data: string };
  encoding?: ImportEncoding;
  choices: ImportChoices;
  dryRun: boolean;
}

/** What a dry run or an import answers when every row is ready. */
export interface TableImportReady {
  count: number;
  analysis: ImportAnalysis;
}

/**
 * An import of a table (the roster, organisations, routes, cards): choose a file (CSV in any of
 * the encodings forms export, or .xlsx) or paste a table, and the server reads it as it is. Every
 * check is a dry run that stores nothing: the columns and how each was matched, each unknown value
 * once with a picker, row problems grouped by kind. When nothing is left, "Import N" stores every
 * row or none; while it runs, a progress bar shows the upload and then the server's work.
 */
export function TableImport<R extends TableImportReady>({
  send,
  optionLabel,
  placeholder,
  importLabel,
  readyLabel,
  readyPreview,
  onImported,
  progressOf,
}: {
  /** `progress`: an id the server reports this import's progress under (see `progressOf`). */
  send(body: TableImportBody, progress?: string): Promise<R>;
  /** How far the import started under an id is; without it the bar only says "busy". */
  progressOf?: (id: string) => Promise<ImportProgress>;
  /** A label for picker options the server sends without a translation key. */
  optionLabel?: (vocabulary: string, key: string, fallback: string) => string;
  placeholder: string;
  importLabel(count: number): string;
  readyLabel(count: number): string;
  readyPreview?: (ready: R) => ReactNode;
  /** Called with the number stored. */
  onImported(count: number): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [source, setSource] = useState<ImportSource | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding | ''>('');
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [ready, setReady] = useState<R | null>(null);
  const [storing, setStoring] = useState(false);
  const [headline, setHeadline] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const run = useCallback(
    async (src: ImportSource, ch: ImportChoices, enc: ImportEncoding | '', dryRun: boolean) => {
      setBusy(true);
      setError(null);
      try {
        const body = {
          ...(src.kind === 'text'
            ? { csv: src.csv }
            : { file: { name: src.name, data: src.data } }),
          ...(enc && src.kind === 'file' ? { encoding: enc } : {}),
          choices: ch,
          dryRun,
        };
        setStoring(!dryRun);
        setProgress(null);
        let r: R;
        if (dryRun || !progressOf) r = await send(body);
        else {
          // the server reports how far it is under an id of ours; ask a few times a second
          const id = progressId();
          let polling = true;
          const poll = async () => {
            while (polling) {
              await new Promise((resolve) => setTimeout(resolve, 300));
              const p = await progressOf(id).catch(() => null);
              if (p && p.phase !== 'waiting' && polling) setProgress(p);
            }
          };
          void poll();
          try {
            r = await send(body, id);
          } finally {
            polling = false;
          }
        }
        setHeadline(null);
        if (dryRun) {
          setReady(r);
          setAnalysis(r.analysis);
        } else {
          setReady(null);
          setAnalysis(null);
          setSource(null);
          setText('');
          setChoices(NO_CHOICES);
          onImported(r.count);
        }
      } catch (err) {
        setReady(null);
        const a =
          err instanceof ApiError && err.status === 422
            ? errorExtra<ImportAnalysis | null>(err, 'analysis')
            : undefined;
        if (err instanceof ApiError && err.status === 422) {
          setAnalysis(a ?? null);
          setHeadline(err.message);
          if (!a) setError(err.message);
        } else {
          setAnalysis(null);
          setError(errorMessage(t, err));
        }
      } finally {
        setBusy(false);
        setStoring(false);
        setProgress(null);
      }
    },
    [send, onImported, progressOf, t],
  );

  const rerun = (ch: ImportChoices, enc: ImportEncoding | '' = encoding) => {
    setChoices(ch);
    if (source) void run(source, ch, enc, true);
  };

  async function chooseFile(f: File) {
    const src: ImportSource = {
      kind: 'file',
      name: f.name,
      data: await fileToBase64(f),
      size: f.size,
    };
    setSource(src);
    setText('');
    setEncoding('');
    setChoices(NO_CHOICES);
    await run(src, NO_CHOICES, '', true);
  }

  function check() {
    const src: ImportSource = { kind: 'text', csv: text };
    setSource(src);
    void run(src, choices, '', true);
  }

  const unmatchedLeft = analysis?.unmatched.length ?? 0;
  const problemsLeft = analysis?.problemCount ?? 0;

  return (
    <div className="stack import">
      <p className="hint">{t('imports.help')}</p>
      <div className="field">
        <label htmlFor="csv-file">{t('imports.file')}</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void chooseFile(f);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="csv-text">{t('imports.paste')}</label>
        <textarea
          id="csv-text"
          rows={5}
          className="mono"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setReady(null);
          }}
          placeholder={placeholder}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn btn-quiet"
          disabled={busy || !text.trim()}
          onClick={check}
        >
          {t('events.csvCheck')}
        </button>
        {ready && source && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void run(source, choices, encoding, false)}
          >
            {importLabel(ready.count)}
          </button>
        )}
      </div>
      {storing && (
        <div className="field import-progress">
          <label htmlFor="import-progress">
            {progress
              ? t(`imports.progress.${progress.phase}`, {
                  done: progress.done.toLocaleString(),
                  total: progress.total.toLocaleString(),
                })
              : t('imports.storing')}
          </label>
          {progress && progress.total > 0 ? (
            // a native bar with a value is a progressbar with aria-valuenow/valuemax to assistive tech
            <progress
              id="import-progress"
              data-testid="import-progress"
              max={progress.total}
              value={progress.done}
              aria-valuetext={t(`imports.progress.${progress.phase}`, {
                done: progress.done.toLocaleString(),
                total: progress.total.toLocaleString(),
              })}
            />
          ) : (
            // no value until the server reports: the bar says only "busy"
            <progress id="import-progress" data-testid="import-progress" />
          )}
        </div>
      )}
      <div aria-live="polite" className="stack">
        {error && <p className="alert alert-error">{error}</p>}
        {analysis && source && (
          <>
            <p className="import-summary" data-testid="import-summary">
              {t(
                analysis.format === 'xlsx'
                  ? 'imports.readSheet'
                  : source.kind === 'text'
                    ? 'imports.readPasted'
                    : 'imports.readText',
                {
                  count: analysis.rowCount,
                  name: source.kind === 'file' ? source.name : t('imports.pasted'),
                  sheet: analysis.sheet ?? '',
                  encoding: analysis.encoding ? t(`imports.encoding.${analysis.encoding}`) : '',
                },
              )}
              {analysis.hxl && <> {t('imports.hxlRead')}</>}
            </p>
            {source.kind === 'file' && analysis.format === 'csv' && (
              <div className="field field-inline">
                <label htmlFor="csv-encoding">{t('imports.readAs')}</label>
                <select
                  id="csv-encoding"
                  value={encoding}
                  onChange={(e) => {
                    const enc = e.target.value as ImportEncoding | '';
                    setEncoding(enc);
                    rerun(choices, enc);
                  }}
                >
                  <option value="">{t('imports.detected')}</option>
                  {IMPORT_ENCODINGS.map((e) => (
                    <option key={e} value={e}>
                      {t(`imports.encoding.${e}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </>
        )}
        {headline && (unmatchedLeft > 0 || problemsLeft > 0) && (
          <div className="alert alert-error" role="status">
            <p>
              {t('imports.nothingYet')}{' '}
              {unmatchedLeft > 0 && t('imports.valuesLeft', { count: unmatchedLeft })}{' '}
              {problemsLeft > 0 && t('imports.problemsLeft', { count: problemsLeft })}
            </p>
          </div>
        )}
        {analysis && (
          <ValuePickers
            analysis={analysis}
            optionLabel={optionLabel}
            onChoose={(vocabulary, value, key) => {
              const forVocab = { ...(choices.values[vocabulary] ?? {}) };
              if (key === null) delete forVocab[value];
              else forVocab[value] = key === '-' ? '' : key;
              rerun({ ...choices, values: { ...choices.values, [vocabulary]: forVocab } });
            }}
          />
        )}
        {analysis && <ProblemGroups groups={analysis.groups} />}
        {ready && (
          <div className="alert alert-ok">
            <p>{readyLabel(ready.count)}</p>
            {readyPreview?.(ready)}
          </div>
        )}
        {analysis && (
          <details className="import-columns-box" open={!ready}>
            <summary>
              {t('imports.columnsTitle', {
                used: analysis.columns.filter((c) => c.field).length,
                count: analysis.columns.length,
              })}
            </summary>
            <ColumnTable
              analysis={analysis}
              onChoose={(header, field) =>
                rerun({ ...choices, columns: { ...choices.columns, [header]: field } })
              }
            />
          </details>
        )}
      </div>
    </div>
  );
}
