import { useTranslation } from 'react-i18next';
import type { ImportAnalysis } from './types.ts';

/**
 * Each column of the file as written, what it becomes, and why: matched by its name, its HXL tag,
 * its words, a mapping the coalition chose before, or the person's own choice. A column that feeds
 * nothing says so and can be given a field.
 */
export function ColumnTable({
  analysis,
  onChoose,
}: {
  analysis: ImportAnalysis;
  onChoose(header: string, field: string | null): void;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table import-columns">
      <caption className="visually-hidden">{t('imports.columnsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.columnInFile')}</th>
          <th scope="col">{t('imports.becomes')}</th>
          <th scope="col">{t('imports.how')}</th>
        </tr>
      </thead>
      <tbody>
        {analysis.columns.map((c) => (
          <tr key={c.index} className={c.field ? undefined : 'muted'}>
            <th scope="row">
              {c.header || t('imports.noHeader', { n: c.index + 1 })}
              {c.hxl && c.hxl !== c.header && <span className="mono small block">{c.hxl}</span>}
            </th>
            <td>
              <select
                aria-label={t('imports.becomesOf', { header: c.header })}
                value={c.field ?? ''}
                onChange={(e) => onChoose(c.header, e.target.value || null)}
              >
                <option value="">{t('imports.ignoreColumn')}</option>
                {analysis.fields.map((f) => (
                  <option key={f.key} value={f.key}>
                    {t(`imports.field.${f.key}`, { defaultValue: f.key })}
                    {f.required ? ' *' : ''}
                  </option>
                ))}
              </select>
            </td>
            <td className="small">
              {c.how && t(`imports.how_${c.how}`)}
              {c.ignored === 'unknown' && t('imports.ignoredUnknown')}
              {c.ignored === 'duplicate' &&
                t('imports.ignoredDuplicate', {
                  field: t(`imports.field.${c.wanted ?? ''}`, { defaultValue: c.wanted ?? '' }),
                })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
