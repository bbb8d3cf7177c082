import { createHash } from 'node:crypto';
import type { LabourSector, Population } from '../../domain/taxonomy/codes.ts';
import type { Db } from '../db/index.ts';
import { insertPatterns } from '../db/repos/patterns.ts';
import { rowOf } from '../patterns/service.ts';

type Seed = {
  issue: string;
  form: 'ForcedLabour' | 'SexualExploitation' | 'ForcedMarriage' | 'Servitude' | 'ChildLabour';
  sector: LabourSector | null;
  population: Population | null;
  indicators: number[];
  paid: 'full' | 'partly' | 'never';
  canLeave: boolean;
  recruitment: 'free' | 'deceived' | 'coerced';
  moved: boolean;
  notes: string;
};

/**
 * The conference's two examples, as told ("some will be paid but have their documents withheld
 * ... whereas others will never be paid"), with the facts a café table would record for them.
 * docs/spectrum.md says where the rule places each; test/contract/demo-patterns.test.ts checks it.
 */
export const DEMO_EXAMPLES = {
  paidDocumentsWithheld: {
    issue: 'domesticWorkers',
    form: 'ForcedLabour',
    sector: 'DomesticWork',
    population: 'migrants',
    indicators: [7],
    paid: 'full',
    canLeave: true,
    recruitment: 'free',
    moved: false,
    notes: 'Paid but documents withheld: the employer keeps the passport "for safekeeping".',
  },
  neverPaid: {
    issue: 'domesticWorkers',
    form: 'ForcedLabour',
    sector: 'DomesticWork',
    population: 'migrants',
    indicators: [8],
    paid: 'never',
    canLeave: false,
    recruitment: 'free',
    moved: false,
    notes: 'Never paid: wages "kept until the contract ends", and no way to leave the house.',
  },
} as const satisfies Record<string, Seed>;

/** More patterns a room would tell, over the demo event's issues: a spread across the spectrum. */
const MORE: Seed[] = [
  { issue: 'domesticWorkers', form: 'ForcedLabour', sector: 'DomesticWork', population: 'women', indicators: [11], paid: 'partly', canLeave: true, recruitment: 'free', moved: false, notes: 'Works every day of the week; part of the wage deducted for food.' },
  { issue: 'domesticWorkers', form: 'Servitude', sector: 'DomesticWork', population: 'migrants', indicators: [2, 4, 7], paid: 'never', canLeave: false, recruitment: 'deceived', moved: true, notes: 'Promised a job in a shop; brought across the border to a household.' },
  { issue: 'domesticWorkers', form: 'ForcedLabour', sector: 'DomesticWork', population: 'women', indicators: [], paid: 'full', canLeave: true, recruitment: 'free', moved: false, notes: 'Contract respected; day off each week.' },
  { issue: 'forcedLabourFishing', form: 'ForcedLabour', sector: 'Fishing', population: 'fishers', indicators: [4, 9, 10], paid: 'partly', canLeave: false, recruitment: 'deceived', moved: true, notes: 'Recruitment debt; months at sea without landing.' },
  { issue: 'forcedLabourFishing', form: 'ForcedLabour', sector: 'Fishing', population: 'fishers', indicators: [5, 6, 7, 11], paid: 'never', canLeave: false, recruitment: 'coerced', moved: true, notes: 'Threatened with violence if he asked to go ashore.' },
  { issue: 'forcedLabourFishing', form: 'ForcedLabour', sector: 'Fishing', population: 'migrants', indicators: [11], paid: 'full', canLeave: true, recruitment: 'free', moved: false, notes: 'Very long shifts in the peak season.' },
  { issue: 'forcedLabourFishing', form: 'ForcedLabour', sector: 'Aquafarming', population: 'migrants', indicators: [9], paid: 'partly', canLeave: true, recruitment: 'free', moved: false, notes: 'Advance on wages grows faster than it is paid back.' },
  { issue: 'forcedLabourConstruction', form: 'ForcedLabour', sector: 'Construction', population: 'men', indicators: [7, 10], paid: 'partly', canLeave: false, recruitment: 'deceived', moved: false, notes: 'Site dormitory; passports collected on arrival.' },
  { issue: 'forcedLabourConstruction', form: 'ForcedLabour', sector: 'Construction', population: 'migrants', indicators: [10], paid: 'full', canLeave: true, recruitment: 'free', moved: false, notes: 'No safety equipment; overcrowded housing.' },
  { issue: 'forcedLabourConstruction', form: 'ForcedLabour', sector: 'Construction', population: 'men', indicators: [8], paid: 'partly', canLeave: true, recruitment: 'free', moved: false, notes: 'Wages paid months late.' },
  { issue: 'forcedMarriage', form: 'ForcedMarriage', sector: null, population: 'women', indicators: [2, 3, 4], paid: 'never', canLeave: false, recruitment: 'deceived', moved: true, notes: 'Told she would work in a factory; married on arrival.' },
  { issue: 'forcedMarriage', form: 'ForcedMarriage', sector: null, population: 'children', indicators: [1, 6], paid: 'never', canLeave: false, recruitment: 'coerced', moved: false, notes: 'Married to clear a family debt.' },
  { issue: 'adultSexTrafficking', form: 'SexualExploitation', sector: 'Hospitality', population: 'women', indicators: [2, 6, 7, 9], paid: 'partly', canLeave: false, recruitment: 'deceived', moved: true, notes: 'Advertised as a waitress job abroad.' },
  { issue: 'adultSexTrafficking', form: 'SexualExploitation', sector: 'Hospitality', population: 'lgbtqi', indicators: [1], paid: 'partly', canLeave: true, recruitment: 'free', moved: false, notes: 'Pressure from a bar owner who knows they have nowhere else to go.' },
  { issue: 'childSexTrafficking', form: 'SexualExploitation', sector: null, population: 'children', indicators: [1, 2, 4], paid: 'never', canLeave: false, recruitment: 'deceived', moved: true, notes: 'Groomed online, then taken to another city.' },
  { issue: 'migrants', form: 'ForcedLabour', sector: 'Agriculture', population: 'migrants', indicators: [6], paid: 'full', canLeave: true, recruitment: 'free', moved: false, notes: 'Threat to call immigration if they complain.' },
  { issue: 'migrants', form: 'ForcedLabour', sector: 'Manufacturing', population: 'migrants', indicators: [3, 9, 11], paid: 'partly', canLeave: false, recruitment: 'deceived', moved: true, notes: 'Recruitment fees deducted; factory gates locked at night.' },
  { issue: 'refugees', form: 'ChildLabour', sector: 'Peddling', population: 'refugees', indicators: [1], paid: 'partly', canLeave: true, recruitment: 'free', moved: false, notes: 'Children selling in the street to help the family.' },
]; // prettier-ignore

/** A stable id per demo pattern, so a re-seeded demo has the same ids. */
const idOf = (eventId: string, i: number) => {
  const h = createHash('sha256').update(`demo-pattern:${eventId}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The demo event's experience patterns: the two examples first, then the rest. */
export async function seedDemoPatterns(
  db: Db,
  coalitionId: string,
  eventId: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const seeds: Seed[] = [DEMO_EXAMPLES.paidDocumentsWithheld, DEMO_EXAMPLES.neverPaid, ...MORE];
  await insertPatterns(
    db,
    seeds.map((s, i) =>
      rowOf(idOf(eventId, i), s, {
        coalitionId,
        organisationId: null,
        visibility: 'coalition',
        eventId,
        issueKey: s.issue,
        source: 'form',
        enteredBy: null,
        participantId: null,
        at,
      }),
    ),
  );
}
