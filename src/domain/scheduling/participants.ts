/**
 * People as the room knows them, and the translation to the engine's dense numbering. Two
 * people of one organisation are always a keep-apart pair: colleagues meet at the office.
 */

export interface Participant {
  id: string;
  organisation?: string | null;
  sector?: string | null;
  country?: string | null;
}

/** Keep-apart pairs implied by shared organisations, plus any explicit extra pairs. */
export function organisationPairs(
  people: readonly Participant[],
  extra: readonly (readonly [number, number])[] = [],
): [number, number][] {
  const byOrg = new Map<string, number[]>();
  people.forEach((p, i) => {
    const org = p.organisation?.trim().toLowerCase();
    if (!org) return;
    byOrg.set(org, [...(byOrg.get(org) ?? []), i]);
  });
  const pairs: [number, number][] = extra.map(([a, b]) => [a, b]);
  for (const members of byOrg.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        pairs.push([members[i] as number, members[j] as number]);
  return pairs;
}
