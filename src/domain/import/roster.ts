import {
  fieldIndex,
  matchColumns,
  missingColumns,
  splitHeader,
  type ColumnMatch,
  type FieldSpec,
} from './columns.ts';
import {
  oneLine,
  raggedRow,
  UnmatchedValues,
  type ImportChoiceMaps,
  type UnmatchedValue,
} from './entity.ts';
import { problem, type ImportProblem } from './problems.ts';
import type { SourceTable } from './table.ts';
import { splitValues, VocabIndex, type Vocabulary } from './values.ts';

/**
 * A participant roster as a registration form exports it → participants, or the problems that
 * stop it, each once: a value no vocabulary knows is asked about once for all the rows it is in;
 * a row problem names the line, the column as written and the value.
 */
export type { UnmatchedValue } from './entity.ts';

export const ROSTER_FIELDS: readonly FieldSpec[] = [
  {
    key: 'name',
    required: true,
    names: [
      'full name',
      'participant',
      'participant name',
      'your name',
      'name of participant',
      'ชื่อ',
      'ชื่อ-นามสกุล',
      'ชื่อ นามสกุล',
    ],
    phrases: ['name', 'ชื่อ'],
    unless: [
      'organisation',
      'organization',
      'org',
      'agency',
      'company',
      'first',
      'given',
      'last',
      'family',
      'surname',
      'user',
    ],
    hxl: ['#contact+name', '#name'],
  },
  {
    key: 'givenName',
    names: ['first name', 'given name', 'forename', 'ชื่อจริง'],
    phrases: ['first name', 'given name', 'forename'],
    hxl: ['#contact+name+given'],
  },
  {
    key: 'familyName',
    names: ['last name', 'family name', 'surname', 'นามสกุล'],
    phrases: ['last name', 'family name', 'surname'],
    hxl: ['#contact+name+family'],
  },
  {
    key: 'sector',
    required: true,
    names: [
      'type of organisation',
      'organisation type',
      'organization type',
      'kind of organisation',
      'stakeholder group',
      'ภาคส่วน',
      'ประเภทองค์กร',
    ],
    phrases: [
      'sector',
      'type of organisation',
      'type of organization',
      'organisation type',
      'organization type',
      'kind of organisation',
      'stakeholder',
      'ภาคส่วน',
    ],
    hxl: ['#org+type', '#sector'],
  },
  {
    key: 'organisation',
    required: true,
    names: [
      'org',
      'organization',
      'agency',
      'affiliation',
      'institution',
      'organisation name',
      'organization name',
      'employer',
      'company',
      'องค์กร',
      'หน่วยงาน',
    ],
    phrases: [
      'organisation',
      'organization',
      'org',
      'agency',
      'affiliation',
      'institution',
      'องค์กร',
      'หน่วยงาน',
    ],
    hxl: ['#org+name', '#org'],
  },
  {
    key: 'email',
    names: ['e-mail', 'email address', 'e-mail address', 'mail', 'อีเมล'],
    phrases: ['email', 'e mail', 'อีเมล'],
    hxl: ['#contact+email'],
  },
  {
    key: 'country',
    names: ['country of work', 'country code', 'ประเทศ'],
    phrases: ['country', 'ประเทศ'],
    unless: ['countries'],
    hxl: ['#country+code', '#country+name', '#country'],
  },
  {
    key: 'languages',
    names: ['language', 'languages spoken', 'ภาษา'],
    phrases: ['language', 'languages', 'ภาษา'],
    hxl: ['#meta+lang', '#meta+languages'],
  },
  ...[1, 2, 3].map((n): FieldSpec => ({
    key: `choice${n}`,
    names: [`choice ${n}`, `expertise ${n}`, `${['first', 'second', 'third'][n - 1]} choice`],
    phrases: ['choice', 'expertise', 'preference', 'priority', 'group', 'option'].flatMap((w) => [
      `${w} ${n}`,
      `${['1st', '2nd', '3rd'][n - 1]} ${w}`,
      `${['first', 'second', 'third'][n - 1]} ${w}`,
      `${w} ${['one', 'two', 'three'][n - 1]}`,
    ]),
    hxl: [`#meta+expertise+choice${n}`],
  })),
  {
    key: 'choices',
    repeatable: true,
    names: ['choices', 'expertise', 'expertise groups', 'areas of expertise', 'กลุ่มความเชี่ยวชาญ'],
    phrases: ['expertise', 'choices', 'expertise group', 'working group', 'ความเชี่ยวชาญ'],
    hxl: ['#meta+expertise'],
  },
];

export const MAX_NAME = 200;
export const MAX_ORGANISATION = 200;
export const MAX_CHOICES = 3;
export const MAX_LANGUAGES = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** What a participant row becomes; the server validates it again with its schema. */
export interface RosterDraft {
  name: string;
  organisation: string;
  sector: string;
  country: string | null;
  choices: string[];
  languages: string[];
  email: string | null;
}

export type RosterChoices = ImportChoiceMaps;

export interface RosterAnalysis {
  columns: ColumnMatch[];
  hxl: boolean;
  rowCount: number;
  drafts: { line: number; draft: RosterDraft }[];
  unmatched: UnmatchedValue[];
  problems: ImportProblem[];
}

export interface RosterVocabularies {
  sector: Vocabulary;
  expertise: Vocabulary;
  country: Vocabulary;
  language: Vocabulary;
}

export function analyseRoster(
  table: SourceTable,
  vocabularies: RosterVocabularies,
  chosen: RosterChoices = {},
  saved: RosterChoices = {},
): RosterAnalysis {
  const split = splitHeader(table.rows);
  const columns = matchColumns(split, fieldIndex(ROSTER_FIELDS), {
    chosen: chosen.columns,
    saved: saved.columns,
  });
  const problems = missingColumns(columns, ROSTER_FIELDS, { name: ['givenName', 'familyName'] });
  const base = { columns, hxl: split.hxl !== null, rowCount: split.data.length };
  if (problems.length) return { ...base, drafts: [], unmatched: [], problems };

  const idx = {
    sector: new VocabIndex(vocabularies.sector),
    expertise: new VocabIndex(vocabularies.expertise),
    country: new VocabIndex(vocabularies.country),
    language: new VocabIndex(vocabularies.language),
  };
  const unmatched = new UnmatchedValues();
  const width = split.header.cells.length;
  const strict = table.format === 'csv';
  const drafts: RosterAnalysis['drafts'] = [];

  for (const row of split.data) {
    const before = problems.length;
    const rowProblem = (p: ImportProblem) => problems.push(p);
    const ragged = raggedRow(row, width, strict);
    if (ragged) {
      rowProblem(ragged);
      continue;
    }
    const cellsOf = (field: string) =>
      columns
        .filter((c) => c.field === field)
        .map((c) => ({ column: c.header, value: (row.cells[c.index] ?? '').trim() }));
    const first = (field: string) =>
      cellsOf(field).find((c) => c.value !== '') ?? cellsOf(field)[0];
    let waiting = false;
    const lookup = (
      vocab: keyof RosterVocabularies,
      column: string,
      value: string,
    ): string | null | '' => {
      const m = idx[vocab].match(value, chosen.values?.get(vocab), saved.values?.get(vocab));
      if (m.key !== null) return m.key;
      unmatched.add(vocab, value, column, row.line, m.candidates);
      waiting = true;
      return null;
    };
    const required = (field: string, max: number) => {
      const cell = first(field);
      const value = oneLine(cell?.value ?? '');
      if (!value) {
        rowProblem(
          problem('value_required', `the ${field} is empty`, {
            line: row.line,
            column: cell?.column ?? null,
            field,
          }),
        );
        return '';
      }
      if (value.length > max)
        rowProblem(
          problem('value_too_long', `is ${value.length} characters; at most ${max}`, {
            line: row.line,
            column: cell?.column ?? null,
            field,
            value,
            params: { length: value.length, max },
          }),
        );
      return value;
    };

    const name = columns.some((c) => c.field === 'name')
      ? required('name', MAX_NAME)
      : requiredJoined(['givenName', 'familyName']);
    function requiredJoined(parts: string[]) {
      const cells = parts.flatMap((p) => cellsOf(p));
      const value = oneLine(
        cells
          .map((c) => c.value)
          .filter(Boolean)
          .join(' '),
      );
      const column = cells.map((c) => c.column).join(' + ');
      if (!value)
        rowProblem(
          problem('value_required', 'the name is empty', { line: row.line, column, field: 'name' }),
        );
      else if (value.length > MAX_NAME)
        rowProblem(
          problem('value_too_long', `is ${value.length} characters; at most ${MAX_NAME}`, {
            line: row.line,
            column,
            field: 'name',
            value,
            params: { length: value.length, max: MAX_NAME },
          }),
        );
      return value;
    }
    const organisation = required('organisation', MAX_ORGANISATION);

    const sectorCell = first('sector');
    let sector = '';
    if (!sectorCell?.value)
      rowProblem(
        problem('value_required', 'the sector is empty', {
          line: row.line,
          column: sectorCell?.column ?? null,
          field: 'sector',
        }),
      );
    else {
      const k = lookup('sector', sectorCell.column, oneLine(sectorCell.value));
      if (k === '')
        rowProblem(
          problem('value_required', 'the sector is left out; every participant needs one', {
            line: row.line,
            column: sectorCell.column,
            field: 'sector',
            value: sectorCell.value,
          }),
        );
      sector = k ?? '';
    }

    const countryCell = first('country');
    let country: string | null = null;
    if (countryCell?.value)
      country = lookup('country', countryCell.column, oneLine(countryCell.value)) || null;

    const listOf = (fields: string[], vocab: 'expertise' | 'language') => {
      const keys: string[] = [];
      for (const f of fields)
        for (const cell of cellsOf(f))
          for (const v of splitValues(
            cell.value,
            idx[vocab],
            chosen.values?.get(vocab),
            saved.values?.get(vocab),
          )) {
            const k = lookup(vocab, cell.column, v);
            if (k && !keys.includes(k)) keys.push(k);
          }
      return keys;
    };
    const choices = listOf(['choice1', 'choice2', 'choice3', 'choices'], 'expertise');
    if (choices.length > MAX_CHOICES) {
      const cells = ['choice1', 'choice2', 'choice3', 'choices']
        .flatMap((f) => cellsOf(f))
        .filter((c) => c.value);
      rowProblem(
        problem(
          'too_many_values',
          `names ${choices.length} expertise groups; at most ${MAX_CHOICES} ranked choices`,
          {
            line: row.line,
            column: cells.map((c) => c.column).join(', '),
            field: 'choices',
            value: cells.map((c) => c.value).join('; '),
            params: { found: choices.length, max: MAX_CHOICES },
          },
        ),
      );
    }
    const languages = listOf(['languages'], 'language');
    if (languages.length > MAX_LANGUAGES) {
      const cell = first('languages');
      rowProblem(
        problem(
          'too_many_values',
          `names ${languages.length} languages; at most ${MAX_LANGUAGES}`,
          {
            line: row.line,
            column: cell?.column ?? null,
            field: 'languages',
            value: cell?.value ?? null,
            params: { found: languages.length, max: MAX_LANGUAGES },
          },
        ),
      );
    }

    const emailCell = first('email');
    const email = emailCell?.value ? emailCell.value.toLowerCase() : null;
    if (email !== null && !EMAIL.test(email))
      rowProblem(
        problem('value_invalid', 'is not an email address', {
          line: row.line,
          column: emailCell!.column,
          field: 'email',
          value: emailCell!.value,
        }),
      );

    if (problems.length === before && !waiting)
      drafts.push({
        line: row.line,
        draft: { name, organisation, sector, country, choices, languages, email },
      });
  }
  return { ...base, drafts, unmatched: unmatched.list(), problems };
}
