import { fold, hasPhrase } from './fold.ts';
import { problem, type ImportProblem } from './problems.ts';
import type { SourceRow } from './table.ts';

/**
 * Which column of a file feeds which field. Headers are written by people and form tools, not by
 * us: "Full name", "Organisation / Agency", "E-mail", "expertise_1", "Which sector best describes
 * your work?", or HXL hashtags (`#contact+email`) in a second row or as the header itself. A
 * column is matched, in this order, by what the user chose for it in this import, by what the
 * coalition chose before for the same header, by its HXL tag, by a known name, and by the words
 * it contains. A column nothing matches is ignored, with a notice, never an error.
 */
export interface FieldSpec {
  key: string;
  /** Headers (any case, spacing or punctuation) that name this field outright. */
  names: readonly string[];
  /** Phrases that make a longer header this field's, unless it names one of `unless`. */
  phrases?: readonly string[];
  unless?: readonly string[];
  /** HXL hashtag patterns: the tag, then attributes the column's tag must all have. */
  hxl?: readonly string[];
  required?: boolean;
  /** Several columns may feed this field (their values are joined in column order). */
  repeatable?: boolean;
}

export type MatchHow = 'chosen' | 'saved' | 'hxl' | 'name' | 'words';
const STRENGTH: Record<MatchHow, number> = { chosen: 5, saved: 4, hxl: 3, name: 2, words: 1 };

export interface ColumnMatch {
  index: number;
  /** The header as written in the file (the hashtag when the file has only hashtags). */
  header: string;
  hxl: string | null;
  field: string | null;
  how: MatchHow | null;
  /** Why a column feeds nothing: no field fits, or another column already feeds the field. */
  ignored: 'unknown' | 'duplicate' | 'chosen' | null;
  /** For a duplicate: the field it would have fed. */
  wanted: string | null;
}

/** Column choices: header as written (or folded) → field key, or null to ignore the column. */
export type ColumnChoices = ReadonlyMap<string, string | null>;

export interface HeaderSplit {
  header: SourceRow;
  hxl: SourceRow | null;
  data: SourceRow[];
}

const isTag = (c: string) => /^#[a-z][a-z0-9_]*(\s*\+[a-z0-9_]+)*$/i.test(c.trim());
const isHxlRow = (cells: string[]) =>
  cells.some((c) => c !== '') && cells.every((c) => c === '' || isTag(c));

/** The header row, the HXL row under it if any, and the data rows. */
export function splitHeader(rows: readonly SourceRow[]): HeaderSplit {
  const [header, ...rest] = rows;
  if (!header) throw new Error('splitHeader needs at least one row');
  if (isHxlRow(header.cells)) return { header, hxl: header, data: rest };
  const second = rest[0];
  if (second && isHxlRow(second.cells)) return { header, hxl: second, data: rest.slice(1) };
  return { header, hxl: null, data: rest };
}

interface Tag {
  tag: string;
  attrs: Set<string>;
}
function parseTag(s: string): Tag | null {
  const t = s.trim().toLowerCase().replace(/\s+/g, '');
  if (!isTag(t)) return null;
  const [tag, ...attrs] = t.slice(1).split('+');
  return { tag: tag!, attrs: new Set(attrs) };
}

export interface FieldIndex {
  fields: readonly FieldSpec[];
  names: Map<string, string>;
}

export function fieldIndex(fields: readonly FieldSpec[]): FieldIndex {
  const names = new Map<string, string>();
  for (const f of fields)
    for (const n of [f.key, ...f.names]) {
      const k = fold(n);
      if (!names.has(k)) names.set(k, f.key);
    }
  return { fields, names };
}

function byHxl(fields: readonly FieldSpec[], tag: Tag): string | null {
  let best: { key: string; score: number } | null = null;
  for (const f of fields)
    for (const pattern of f.hxl ?? []) {
      const p = parseTag(pattern);
      if (!p || p.tag !== tag.tag || ![...p.attrs].every((a) => tag.attrs.has(a))) continue;
      if (!best || p.attrs.size > best.score) best = { key: f.key, score: p.attrs.size };
    }
  return best?.key ?? null;
}

function byWords(fields: readonly FieldSpec[], folded: string): string | null {
  for (const f of fields) {
    if (!f.phrases?.some((p) => hasPhrase(folded, fold(p)))) continue;
    if (f.unless?.some((p) => hasPhrase(folded, fold(p)))) continue;
    return f.key;
  }
  return null;
}

export function matchColumns(
  split: HeaderSplit,
  index: FieldIndex,
  opts: { chosen?: ColumnChoices; saved?: ColumnChoices } = {},
): ColumnMatch[] {
  const width = Math.max(split.header.cells.length, split.hxl?.cells.length ?? 0);
  const known = new Set(index.fields.map((f) => f.key));
  const lookup = (m: ColumnChoices | undefined, header: string) => {
    if (!m) return undefined;
    if (m.has(header)) return m.get(header);
    const k = fold(header);
    return m.has(k) ? m.get(k) : undefined;
  };
  const out: ColumnMatch[] = [];
  for (let i = 0; i < width; i++) {
    const written = split.header.cells[i] ?? '';
    const hxl = split.hxl ? (split.hxl.cells[i] ?? '').trim() || null : null;
    const header = written || hxl || '';
    const m: ColumnMatch = {
      index: i,
      header,
      hxl,
      field: null,
      how: null,
      ignored: null,
      wanted: null,
    };
    out.push(m);
    const chosen = lookup(opts.chosen, header);
    if (chosen !== undefined && (chosen === null || known.has(chosen))) {
      m.how = 'chosen';
      m.field = chosen;
      if (chosen === null) m.ignored = 'chosen';
      continue;
    }
    const saved = lookup(opts.saved, header);
    if (saved !== undefined && (saved === null || known.has(saved))) {
      m.how = 'saved';
      m.field = saved;
      if (saved === null) m.ignored = 'chosen';
      continue;
    }
    const tag = hxl ? parseTag(hxl) : null;
    const viaTag = tag ? byHxl(index.fields, tag) : null;
    if (viaTag) {
      m.field = viaTag;
      m.how = 'hxl';
      continue;
    }
    const folded = fold(header);
    const named = index.names.get(folded);
    if (named) {
      m.field = named;
      m.how = 'name';
      continue;
    }
    const guessed = folded ? byWords(index.fields, folded) : null;
    if (guessed) {
      m.field = guessed;
      m.how = 'words';
      continue;
    }
    m.ignored = 'unknown';
  }
  // One column per field unless the field takes several: the strongest match keeps it.
  const repeatable = new Set(index.fields.filter((f) => f.repeatable).map((f) => f.key));
  const ranked = out
    .filter((m) => m.field && !repeatable.has(m.field))
    .sort((a, b) => STRENGTH[b.how!] - STRENGTH[a.how!] || a.index - b.index);
  const taken = new Set<string>();
  for (const m of ranked) {
    if (!taken.has(m.field!)) {
      taken.add(m.field!);
      continue;
    }
    m.wanted = m.field;
    m.field = null;
    m.ignored = 'duplicate';
  }
  return out;
}

/** A required field no column feeds; `alternatives` lists fields that stand in for it. */
export function missingColumns(
  columns: readonly ColumnMatch[],
  fields: readonly FieldSpec[],
  alternatives: Record<string, readonly string[]> = {},
): ImportProblem[] {
  const fed = new Set(columns.map((c) => c.field).filter(Boolean));
  return fields
    .filter((f) => f.required && !fed.has(f.key))
    .filter((f) => !(alternatives[f.key] ?? []).some((a) => fed.has(a)))
    .map((f) =>
      problem(
        'column_missing',
        `no column gives the ${f.key}; add one or choose which column it is`,
        {
          field: f.key,
          line: 1,
        },
      ),
    );
}
