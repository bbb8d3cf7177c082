/**
 * People as the room knows them, and the translation to the engine's dense numbering. Two
 * people of one organisation are always a keep-apart pair: colleagues meet at the office.
 */
import type { MixProblem } from './types.ts';

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

/** The soft-mixing attributes of a mixing problem, from participants. */
export function mixingAttributes(
  people: readonly Participant[],
): Pick<MixProblem, 'sector' | 'country'> {
  return {
    sector: people.map((p) => p.sector ?? null),
    country: people.map((p) => p.country ?? null),
  };
}

/** The largest organisation, for an early and readable infeasibility message. */
export function largestOrganisation(
  people: readonly Participant[],
): { name: string; size: number } | null {
  const counts = new Map<string, number>();
  for (const p of people) {
    const org = p.organisation?.trim();
    if (org) counts.set(org.toLowerCase(), (counts.get(org.toLowerCase()) ?? 0) + 1);
  }
  let best: { name: string; size: number } | null = null;
  for (const [name, size] of counts) if (!best || size > best.size) best = { name, size };
  return best;
}
