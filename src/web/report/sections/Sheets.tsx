import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportIssue } from '../../../contract/report.ts';
import { CARD_KINDS, CARD_LEVELS } from '../../../core/cards.ts';
import { kindLabel, levelLabel } from '../../sheets/labels.ts';
import { Bars, Figure } from '../Figure.tsx';
import type { ReportSection, SectionProps } from '../section.ts';

const TOP_FACTORS = 8;

/** The café sheets by issue: the confirmed factors counted, and (members) every card's text. */
function Sheets({ data, onReady }: SectionProps) {
  const { t } = useTranslation();
  useEffect(() => onReady(true), [onReady]);
  const s = data.sheets;
  return (
    <>
      {s.download && (
        <p className="report-lead">
          <a href={s.download} download>
            {t('report.sheets.download')}
          </a>
        </p>
      )}
      {data.view === 'public' && <p className="report-note">{t('report.sheets.publicNote')}</p>}
      {s.issues.map((i) => (
        <Issue key={i.key} issue={i} />
      ))}
    </>
  );
}

function Issue({ issue }: { issue: ReportIssue }) {
  const { t } = useTranslation();
  return (
    <section className="report-issue" aria-label={issue.label}>
      <h3>{issue.label}</h3>
      {issue.cards !== null && (
        <p className="report-muted">{t('report.sheets.cards', { count: issue.cards })}</p>
      )}
      {issue.factors.length > 0 && (
        <Figure caption={t('report.sheets.factors', { issue: issue.label })}>
          <Bars
            label={t('report.sheets.factors', { issue: issue.label })}
            rows={issue.factors.slice(0, TOP_FACTORS).map((f) => ({
              key: f.id,
              label: f.label,
              value: f.n,
              text: String(f.n),
            }))}
          />
        </Figure>
      )}
      {issue.items.length > 0 && (
        <div className="report-kinds">
          {CARD_KINDS.map((kind) => {
            const cards = issue.items.filter((c) => c.kind === kind);
            if (!cards.length) return null;
            return (
              <div key={kind}>
                <h4>{kindLabel(t, kind)}</h4>
                {CARD_LEVELS.map((level) => {
                  const here = cards.filter((c) => c.level === level);
                  if (!here.length) return null;
                  return (
                    <div key={level} className="report-level">
                      <h5>{levelLabel(t, level)}</h5>
                      <ul>
                        {here.map((c, n) => (
                          <li key={n}>{c.text}</li>
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      )}
      {issue.handover && (
        <p className="report-note">
          <strong>{t('sheets.handoverLabel')}</strong> {issue.handover}
        </p>
      )}
    </section>
  );
}

export const sheetsSection: ReportSection = {
  id: 'sheets',
  title: (t) => t('report.sheets.title'),
  applies: (d) => d.sheets.issues.length > 0,
  Component: Sheets,
};
