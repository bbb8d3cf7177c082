import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { ReportAnswer } from '../../contract/report.ts';

/**
 * One section of the event report. The page numbers sections in this order, lists them in the
 * table of contents, starts each on a new printed page and waits for every section's `ready`
 * before it says the report is complete (`data-report-ready`, which `mosaic report --pdf` waits
 * for). Adding a section (learnings, commitments…): one module exporting a `ReportSection`, one
 * line in sections/index.ts, and its key in the report API's answer.
 */
export interface ReportSection {
  id: string;
  /** The section's title in the interface language. */
  title(t: TFunction): string;
  /** Whether the section has something to show in this report (e.g. the overlap once published). */
  applies(data: ReportAnswer): boolean;
  Component: ComponentType<SectionProps>;
}

export interface SectionProps {
  data: ReportAnswer;
  /** Calls with true once the section's own data (maps, charts) has loaded, or has failed. */
  onReady(ready: boolean): void;
}
