import { useTranslation } from 'react-i18next';
import type { PlanFix, PlanRefusal } from '../../contract/events.ts';

type Reason = NonNullable<PlanRefusal['reason']>;

/**
 * Why the hard rules cannot hold, in the user's language from the server's code and numbers, with
 * the smallest changes that would work as buttons.
 */
export function PlanRefusalNote({
  reason,
  busy,
  onFix,
}: {
  reason: Reason;
  busy: boolean;
  onFix(fix: PlanFix): void;
}) {
  const { t } = useTranslation();
  const p = reason.params;
  // No number of tables works: say so rather than "needs at least -1 tables".
  const none = (p.needed ?? -1) < 0;
  const key =
    reason.code === 'keepApartTables' && none
      ? 'keepApartTablesNone'
      : reason.code === 'crossSectorTables' && none
        ? 'crossSectorTablesNone'
        : reason.code;
  return (
    <div className="alert alert-error plan-refusal" role="alert" data-testid="plan-refusal">
      <p>{t(`planning.infeasible.${key}` as const, p)}</p>
      {reason.fixes.length > 0 && (
        <>
          <p>{t('planning.infeasible.fixes')}</p>
          <div className="actions">
            {reason.fixes.map((fix) => (
              <button
                key={fix.kind === 'tables' ? 'tables' : fix.rule}
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => onFix(fix)}
              >
                {fix.kind === 'tables'
                  ? t('planning.infeasible.fixTables', { tables: fix.tables })
                  : t('planning.infeasible.fixSoften', {
                      rule: t(`events.rules.${fix.rule}`),
                    })}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
