import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblemGroup } from './types.ts';

const PAGE = 10;

/**
 * Row problems grouped by kind and column, each group a short paginated table naming the line,
 * the column as written and the value: 846 problems are a dozen headed lists, not one long page.
 */
export function ProblemGroups({ groups }: { groups: ImportProblemGroup[] }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <div className="import-problems" data-testid="csv-problems">
      {groups.map((g) => (
        <Group key={`${g.code}:${g.column ?? ''}`} group={g} />
      ))}
      <p className="small muted">{t('imports.problemsFoot')}</p>
    </div>
  );
}

function Group({ group }: { group: ImportProblemGroup }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const pages = Math.ceil(group.items.length / PAGE);
  const shown = group.items.slice(page * PAGE, page * PAGE + PAGE);
  const column = group.column ?? t(`imports.field.${group.field ?? ''}`, { defaultValue: '' });
  return (
    <section className="import-group">
      <h3 className="import-h">
        {t(`imports.code.${group.code}`, { defaultValue: group.code })}
        {column && <> · {t('imports.inColumn', { column })}</>}{' '}
        <span className="badge">{t('imports.lines', { count: group.count })}</span>
      </h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('events.csvLine')}</th>
            <th scope="col">{t('events.csvColumn')}</th>
            <th scope="col">{t('imports.value')}</th>
            <th scope="col">{t('events.csvProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i}>
              <td>{p.line ?? '—'}</td>
              <td>{p.column ?? '—'}</td>
              <td className="problem-value">{p.value ?? '—'}</td>
              <td className="problem-text">
                {t(`imports.msg.${p.code}`, {
                  ...p.params,
                  field: t(`imports.field.${p.field ?? ''}`, { defaultValue: p.field ?? '' }),
                  defaultValue: p.message,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="actions small">
          <button
            type="button"
            className="btn btn-quiet"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            {t('imports.prev')}
          </button>
          <span>{t('imports.page', { page: page + 1, pages })}</span>
          <button
            type="button"
            className="btn btn-quiet"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('imports.next')}
          </button>
        </div>
      )}
    </section>
  );
}
