import { useTranslation } from 'react-i18next';
import type { ImportAnalysis } from './types.ts';

/**
 * Each value no vocabulary knows, once, with the rows it is in: "'UN / international' appears in
 * 12 rows → choose a sector". The choice applies to every row and is remembered for the coalition
 * when the import is made.
 */
export function ValuePickers({
  analysis,
  optionLabel,
  onChoose,
}: {
  analysis: ImportAnalysis;
  /** A label for options the server sends without a translation key (the roster's groups…). */
  optionLabel?: (vocabulary: string, key: string, fallback: string) => string;
  onChoose(vocabulary: string, value: string, key: string | null): void;
}) {
  const { t } = useTranslation();
  if (analysis.unmatched.length === 0) return null;
  return (
    <div className="import-values" data-testid="import-values">
      <h3 className="import-h">{t('imports.valuesTitle', { count: analysis.unmatched.length })}</h3>
      <p className="hint">{t('imports.valuesHelp')}</p>
      <ul className="plain-list">
        {analysis.unmatched.map((u) => {
          const id = `pick-${u.vocabulary}-${u.folded}`;
          const optional = u.vocabulary !== 'sector';
          return (
            <li key={`${u.vocabulary}:${u.folded}`} className="import-value">
              <label htmlFor={id}>
                {t('imports.valueAppears', {
                  value: u.value,
                  count: u.count,
                  columns: u.columns.join(', '),
                })}{' '}
                →
              </label>{' '}
              <select
                id={id}
                defaultValue=""
                onChange={(e) =>
                  onChoose(u.vocabulary, u.value, e.target.value === '' ? null : e.target.value)
                }
              >
                <option value="">
                  {t(`imports.choose_${u.vocabulary}`, { defaultValue: t('imports.chooseAny') })}
                </option>
                {optional && <option value="-">{t('imports.leaveOut')}</option>}
                {(analysis.options[u.vocabulary] ?? [])
                  .map((o) => ({
                    key: o.key,
                    label: o.labelKey
                      ? t(o.labelKey, { defaultValue: o.label })
                      : (optionLabel?.(u.vocabulary, o.key, o.label) ?? o.label),
                  }))
                  .sort(
                    (a, b) =>
                      Number(u.candidates.includes(b.key)) - Number(u.candidates.includes(a.key)),
                  )
                  .map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.label}
                    </option>
                  ))}
              </select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
