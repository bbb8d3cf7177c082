import type { EntityDescriptor, EntityField } from './entity.ts';

/**
 * Café cards, from the cards export (`cards.csv`, plain or with HXL) or a spreadsheet typed up
 * from the paper sheets: one row per card. A card belongs to an event's sheet for one issue: the
 * import names its event (`?event=` / `--event`, then every row goes there and the file's event
 * column is ignored), or the file's `event_id` / `event` column names one of the coalition's
 * events by id or name. The issue is the event's (key or label), the factor one of the
 * coalition's (id or label in any language), the table one of the event's (by name). The
 * export's `id`, `issue_label`, `factor_label` and `created_at` are ignored: an import makes new
 * cards. Authors are never exported, so an imported card is recorded as added by the importer.
 */
export const CARD_FIELDS: readonly EntityField[] = [
  {
    key: 'event',
    max: 200,
    names: ['event_id', 'event', 'event name', 'convening', 'งาน', 'กิจกรรม'],
    hxl: ['#event+id', '#event+name', '#event'],
  },
  {
    key: 'issue',
    required: true,
    vocabulary: 'issue',
    names: ['issue', 'sheet', 'topic', 'issue label', 'ประเด็น'],
    hxl: ['#sector+issue'],
  },
  {
    key: 'kind',
    required: true,
    vocabulary: 'cardKind',
    names: ['kind', 'card kind', 'cause or consequence', 'ประเภท'],
    hxl: ['#indicator+kind'],
  },
  {
    key: 'level',
    required: true,
    vocabulary: 'cardLevel',
    names: ['level', 'ระดับ'],
    hxl: ['#indicator+level'],
  },
  {
    key: 'text',
    required: true,
    max: 280,
    names: ['card', 'card text', 'what was written', 'ข้อความ'],
    hxl: ['#description'],
  },
  {
    key: 'factor',
    vocabulary: 'factor',
    names: ['factor', 'factor label', 'grouped under', 'ปัจจัย'],
    hxl: ['#indicator+factor'],
  },
  {
    key: 'forms',
    vocabulary: 'form',
    list: true,
    names: ['forms of exploitation', 'form', 'รูปแบบการแสวงประโยชน์'],
    hxl: ['#sector+form'],
  },
  {
    key: 'sectors',
    vocabulary: 'labourSector',
    list: true,
    names: ['sector', 'labour sector', 'ภาคแรงงาน'],
    hxl: ['#sector+labour'],
  },
  {
    key: 'populations',
    vocabulary: 'population',
    list: true,
    names: ['population', 'กลุ่มประชากร'],
    hxl: ['#affected+type', '#affected'],
  },
  {
    key: 'ilo_indicators',
    vocabulary: 'ilo',
    list: true,
    names: ['ilo', 'ilo indicator', 'signs of forced labour', 'ตัวชี้วัด ilo'],
    hxl: ['#indicator+ilo'],
  },
  { key: 'table', max: 60, names: ['table name', 'โต๊ะ'], hxl: ['#loc+table'] },
  { key: 'round', names: ['round number', 'รอบ'], hxl: ['#meta+round'] },
];

/** What a card row becomes; the server checks event, issue, factor and table against the database. */
export interface CardDraft {
  /** The event as written (an id or a name), or null when the column is absent or empty. */
  event: string | null;
  issue: string;
  kind: string;
  level: string;
  text: string;
  factor: string | null;
  forms: string[];
  sectors: string[];
  populations: string[];
  ilo: string[];
  /** The table's name as written, or null. */
  table: string | null;
  /** Rounds as people count them, from 1 (the export writes them so). */
  round: number | null;
}

export const cardImport: EntityDescriptor<CardDraft> = {
  entity: 'cards',
  fields: CARD_FIELDS,
  draft(row) {
    const r = row.text('round');
    let round: number | null = null;
    if (r) {
      if (/^\d{1,3}$/.test(r) && Number(r) >= 1) round = Number(r);
      else row.fail('round', 'value_invalid', 'must be a round number such as 1, 2 or 3');
    }
    return {
      event: row.text('event') || null,
      issue: row.key('issue') ?? '',
      kind: row.key('kind') ?? '',
      level: row.key('level') ?? '',
      text: row.text('text'),
      factor: row.key('factor'),
      forms: row.keys('forms'),
      sectors: row.keys('sectors'),
      populations: row.keys('populations'),
      ilo: row.keys('ilo_indicators'),
      table: row.text('table') || null,
      round,
    };
  },
};
