/**
 * The rules of a route's content that every way of writing one shares — the atlas API, the CSV
 * import, and a phone during a mapping session (live/mapping.ts): places resolved against the
 * gazetteer, and notes that look like personal data refused unless a coordinator confirms them.
 */
import type { NoteWarning, RouteCreate } from '../../contract/atlas.ts';
import { findPersonalData } from '../../core/notes.ts';
import { getPlace } from '../../domain/geo/index.ts';
import { mayConfirmNotes, type Actor } from '../auth/policy.ts';
import type * as repo from '../db/repos/routes.ts';
import { HttpError, type FieldProblem } from '../http/errors.ts';

type Field = FieldProblem;

export const WARNING_TEXT: Record<NoteWarning['kind'], string> = {
  phone: 'looks like a phone number',
  email: 'looks like an e-mail address',
  name: 'looks like a personal name',
};

/** Resolves every place against the gazetteer; errors name the field (`transits.1.place`). */
export function resolveFields(
  input: Omit<RouteCreate, 'organisationId'>,
  organisationId: string | null,
  fieldPrefix = '',
): { fields?: repo.RouteFields; errors: Field[] } {
  const errors: Field[] = [];
  const stop = (id: string, role: repo.StopRecord['role'], border: boolean, field: string) => {
    const p = getPlace(id);
    if (!p) {
      errors.push({
        field: fieldPrefix + field,
        code: 'unknown_place',
        params: { value: id },
        message: `"${id}" is not a known place`,
      });
      return null;
    }
    return {
      role,
      placeId: p.id,
      country: p.countryCode,
      province: p.provinceCode,
      borderCrossing: border,
    };
  };
  const stops = [
    stop(input.source, 'source', false, 'source'),
    ...input.transits.map((t, i) =>
      stop(t.place, 'transit', t.borderCrossing, `transits.${i}.place`),
    ),
    stop(input.destination, 'destination', false, 'destination'),
  ];
  if (input.source === input.destination)
    errors.push({
      field: `${fieldPrefix}destination`,
      code: 'same_as_other',
      params: { other: 'source' },
      message: 'must differ from the source',
    });
  if (input.yearFrom !== null && input.yearTo !== null && input.yearFrom > input.yearTo)
    errors.push({
      field: `${fieldPrefix}yearTo`,
      code: 'before_other',
      params: { other: 'yearFrom' },
      message: 'must not be before yearFrom',
    });
  if (errors.length) return { errors };
  return {
    errors,
    fields: {
      organisationId,
      stops: stops.filter((s): s is repo.StopRecord => s !== null),
      forms: input.forms,
      sectors: input.sectors,
      populations: input.populations,
      yearFrom: input.yearFrom,
      yearTo: input.yearTo,
      confidence: input.confidence,
      basis: input.basis,
      notes: input.notes,
      visibility: input.visibility,
    },
  };
}

/**
 * What keeps notes that look like personal data from being saved: one field problem per finding
 * (code `personal_data`), plus `confirmNotes` when someone who may not confirm tried to. Empty when
 * the notes look clean, or a coordinator or admin confirmed them (`confirm`).
 */
export function personalDataProblems(actor: Actor, notes: string, confirm: boolean): Field[] {
  const found = findPersonalData(notes);
  if (!found.length) return [];
  const confirmable = mayConfirmNotes(actor);
  if (confirm && confirmable) return [];
  const problems: Field[] = found.map((f) => ({
    field: 'notes',
    code: 'personal_data',
    params: { kind: f.kind, value: f.excerpt, confirmable },
    message: `"${f.excerpt}" ${WARNING_TEXT[f.kind]}: routes describe patterns, never a person. Remove it${confirmable ? ', or confirm that it identifies nobody (confirmNotes)' : ''}.`,
  }));
  if (confirm)
    problems.push({
      field: 'confirmNotes',
      code: 'coordinators_only',
      message: 'only a coordinator or admin may confirm notes that look like personal data',
    });
  return problems;
}

/** 422 `personal_data_in_notes`: the notes must be edited, or confirmed by a coordinator. */
export function refusePersonalData(problems: Field[]): HttpError {
  return new HttpError(422, {
    error: 'personal_data_in_notes',
    message: `The notes look like they name or reach a person: ${problems
      .filter((p) => p.field === 'notes')
      .map((p) => p.message)
      .join(' ')}`,
    fields: problems,
  });
}
