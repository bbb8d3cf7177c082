import { useTranslation } from 'react-i18next';
import type { NoteWarning } from '../../contract/atlas.ts';
import type { Pattern } from '../../contract/patterns.ts';
import { levelText, reasonText } from './labels.ts';

/**
 * Where the rule places a pattern, and why: the level and every reason the rule gave, most
 * decisive first, with the rule's version. Never a level without its reasons.
 */
export function LevelVerdict({ pattern, live = false }: { pattern: Pattern; live?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`verdict level-${pattern.level}`} {...(live && { role: 'status' })}>
      <p className="verdict-level">
        <span className="level-badge">{levelText(t, pattern.level)}</span>
      </p>
      {pattern.reasons.length > 0 ? (
        <>
          <p className="verdict-because">{t('patterns.because')}</p>
          <ul className="verdict-reasons">
            {pattern.reasons.map((r) => (
              <li key={r}>{reasonText(t, r)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="verdict-because">{t('patterns.noReasons')}</p>
      )}
      <p className="hint">{t('patterns.ruleVersion', { rule: pattern.rule })}</p>
    </div>
  );
}

export function PatternWarnings({ warnings }: { warnings: NoteWarning[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warn" role="status">
      <p>{t('patterns.form.warningTitle')}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{t(`atlas.form.warning.${w.kind}`, { excerpt: w.excerpt })}</li>
        ))}
      </ul>
    </div>
  );
}
