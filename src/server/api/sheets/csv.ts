import type { Card } from '../../../contract/cards.ts';
import type { CsvValue } from '../../../domain/csv/write.ts';

/** A sheet's CSV: the header row and the HXL hashtag row (one sheet, or all sheets of the report). */
export const SHEET_CSV_HEAD: readonly (readonly string[])[] = [
  [
    'card_id',
    'issue',
    'kind',
    'level',
    'text',
    'forms',
    'sectors',
    'populations',
    'ilo_indicators',
    'table',
    'round',
    'version',
    'created_at',
  ],
  [
    '#meta+id',
    '#sector+issue',
    '#indicator+kind',
    '#indicator+level',
    '#description',
    '#sector+form',
    '#sector+labour',
    '#affected+type',
    '#indicator+ilo',
    '#loc+table',
    '#meta+round',
    '#meta+version',
    '#date+created',
  ],
];

/** One card as a CSV row (no author: sheets' exports never name who wrote a card). */
export function sheetCsvRow(c: Card, issueLabel: string, tables: Map<string, string>): CsvValue[] {
  return [
    c.id,
    issueLabel,
    c.kind,
    c.level,
    c.text,
    c.tags.forms.join(';'),
    c.tags.sectors.join(';'),
    c.tags.populations.join(';'),
    c.tags.ilo.join(';'),
    c.tableId ? (tables.get(c.tableId) ?? '') : '',
    c.round === null ? '' : c.round + 1,
    c.version,
    new Date(c.createdAt).toISOString(),
  ];
}
