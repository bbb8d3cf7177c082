/**
 * How a card edit meets the card's current state (rule SYNC-6 in docs/sync-spec.md). An edit names
 * the version it was made on. If that is still current, it applies. If someone changed the card
 * since, it is a concurrent edit: each field the edit touches applies only where the current value
 * still equals the value at the edit's base version (nobody else changed that field); otherwise the
 * current value wins and the edit's value survives in the history as a superseded entry. The server
 * applies edits in its sequence order, so every replica resolves the same way.
 */
export interface CardFields {
  text: string;
  kind: string;
  level: string;
  /** Tags as canonical JSON, compared as a whole. */
  tags: string;
}

export type FieldName = keyof CardFields;
const FIELDS: FieldName[] = ['text', 'kind', 'level', 'tags'];

export interface MergeResult<F extends CardFields = CardFields> {
  next: F;
  /** Fields of the edit that lost to a concurrent change (kept in history, not applied). */
  lost: Partial<F>;
  changed: boolean;
}

/** `F` narrows the fields' types (the server's stored kind, level and tags); the rule is the same. */
export function mergeEdit<F extends CardFields>(
  current: F,
  base: F | undefined,
  edit: Partial<F>,
): MergeResult<F> {
  const next = { ...current };
  const lost: Partial<F> = {};
  for (const f of FIELDS) {
    const v = edit[f];
    if (v === undefined || v === current[f]) continue;
    // Without the base version (never expected: history keeps every version), the edit loses.
    if (base !== undefined && current[f] === base[f]) next[f] = v;
    else lost[f] = v;
  }
  return { next, lost, changed: FIELDS.some((f) => next[f] !== current[f]) };
}
