/**
 * Synthetic but realistic conferences for the benchmark: organisations of 1-6 people (kept apart),
 * sectors and countries unevenly spread, fixed table hosts. Generated from a seed so every run
 * and every machine benchmarks the same rooms.
 */
import { createRng } from '../../src/domain/scheduling/random.ts';
import type { MixProblem } from '../../src/domain/scheduling/index.ts';

export interface ConferenceSpec {
  name: string;
  tableSizes: number[];
  rounds: number;
  hosts: number;
  seed: number;
}

const SECTORS = ['ngo', 'government', 'law-enforcement', 'health', 'business', 'faith', 'academia'];
const COUNTRIES = ['TH', 'KH', 'LA', 'MM', 'VN', 'MY', 'ID', 'PH', 'SG', 'BD', 'NP', 'IN'];

export function conference(spec: ConferenceSpec): MixProblem {
  const rng = createRng(spec.seed);
  const people = spec.tableSizes.reduce((a, b) => a + b, 0);
  const organisation: number[] = [];
  let org = 0;
  while (organisation.length < people) {
    const size = 1 + Math.floor(rng.next() ** 2 * 6);
    for (let i = 0; i < size && organisation.length < people; i++) organisation.push(org);
    org++;
  }
  // Skewed draws: a few sectors and countries dominate, as in real rooms.
  const skewed = <T>(items: readonly T[]): T =>
    items[Math.floor(rng.next() ** 1.7 * items.length)] as T;
  const orgSector = Array.from({ length: org }, () => skewed(SECTORS));
  const orgCountry = Array.from({ length: org }, () => skewed(COUNTRIES));
  const keepApart: [number, number][] = [];
  for (let a = 0; a < people; a++)
    for (let b = a + 1; b < people; b++)
      if (organisation[a] === organisation[b]) keepApart.push([a, b]);
  // Hosts come from distinct organisations so no two hosts are a keep-apart pair.
  const fixed: { person: number; table: number }[] = [];
  const hostOrgs = new Set<number>();
  for (let p = 0; p < people && fixed.length < spec.hosts; p++) {
    const o = organisation[p] as number;
    if (hostOrgs.has(o)) continue;
    hostOrgs.add(o);
    fixed.push({ person: p, table: fixed.length });
  }
  return {
    people,
    tableSizes: spec.tableSizes,
    rounds: spec.rounds,
    keepApart,
    fixed,
    sector: organisation.map((o) => orgSector[o] as string),
    country: organisation.map((o) => orgCountry[o] as string),
  };
}

export const CONFERENCES: ConferenceSpec[] = [
  {
    name: '150-person conference, 19 tables of 7-8, 12 hosts',
    tableSizes: [...Array<number>(17).fill(8), 7, 7],
    rounds: 8,
    hosts: 12,
    seed: 150,
  },
  {
    name: '150-person conference, 21 tables of 6-8, 12 hosts',
    tableSizes: [
      ...Array<number>(8).fill(8),
      ...Array<number>(8).fill(7),
      ...Array<number>(5).fill(6),
    ],
    rounds: 8,
    hosts: 12,
    seed: 151,
  },
];
