import { RouteCreate } from '../../contract/atlas.ts';
import { searchPlaces } from '../../domain/geo/index.ts';
import { splitOnce } from '../../domain/text/split.ts';
import type { Db } from '../db/index.ts';
import type { FormOfExploitation } from '../../domain/taxonomy/codes.ts';
import { insertRoutes, type RouteFields } from '../db/repos/routes.ts';
import { insertChallengeRows } from '../db/repos/challenges.ts';
import { organisationCountries } from '../db/repos/organisations.ts';
import { resolveFields } from '../api/atlas/route-service.ts';

/**
 * FICTIONAL routes for the demo coalition: plausible corridors across Asia, generated from a seeded
 * PRNG so every demo database is the same. Each is a pattern (places, forms, sectors), never a
 * person or a journey; notes are generic. Counts are invented and mean nothing.
 */
interface Corridor {
  sources: string[];
  transits: { place: string; border?: boolean }[][];
  destinations: string[];
  forms: RouteCreate['forms'];
  sectors?: RouteCreate['sectors'];
  populations?: RouteCreate['populations'];
  weight: number;
}

// Places as "Name|CC" (resolved with the gazetteer's exact match) or as ids.
const CORRIDORS: Corridor[] = [
  {
    sources: ['Yangon|MM', 'Mawlamyine|MM', 'Dawei|MM', 'Mandalay|MM'],
    transits: [
      [{ place: 'Myawadi|MM' }, { place: 'Mae Sot|TH', border: true }],
      [{ place: 'Kawthoung|MM' }, { place: 'Ranong|TH', border: true }],
    ],
    destinations: ['Samut Sakhon|TH', 'Bangkok|TH', 'Songkhla|TH', 'Ranong|TH'],
    forms: ['ForcedLabour'],
    sectors: ['Fishing', 'Manufacturing', 'Construction'],
    populations: ['migrants', 'men', 'fishers'],
    weight: 9,
  },
  {
    sources: ['Yangon|MM', 'Taunggyi|MM'],
    transits: [[{ place: 'Tachilek|MM' }, { place: 'Mae Sai|TH', border: true }]],
    destinations: ['Chiang Mai|TH', 'Bangkok|TH'],
    forms: ['ForcedLabour', 'SexualExploitation'],
    sectors: ['DomesticWork', 'Hospitality'],
    populations: ['women', 'migrants'],
    weight: 5,
  },
  {
    sources: ['Battambang|KH', 'Siem Reap|KH', 'Phnom Penh|KH'],
    transits: [[{ place: 'Paoy Paet|KH' }, { place: 'Aranyaprathet|TH', border: true }]],
    destinations: ['Bangkok|TH', 'Pattaya|TH', 'Trat|TH'],
    forms: ['ForcedLabour', 'ForcedBegging'],
    sectors: ['Agriculture', 'Construction', 'Begging'],
    populations: ['children', 'migrants'],
    weight: 8,
  },
  {
    sources: ['Battambang|KH', 'Phnom Penh|KH'],
    transits: [[{ place: 'Paoy Paet|KH' }, { place: 'Aranyaprathet|TH', border: true }]],
    destinations: ['Pattaya|TH', 'Bangkok|TH'],
    forms: ['SexualExploitation'],
    sectors: ['Hospitality'],
    populations: ['women'],
    weight: 4,
  },
  {
    sources: ['Vientiane|LA', 'Savannakhet|LA', 'Pakse|LA'],
    transits: [[{ place: 'TH-43', border: true }], [{ place: 'TH-49', border: true }]],
    destinations: ['Bangkok|TH', 'Udon Thani|TH', 'Khon Kaen|TH'],
    forms: ['SexualExploitation', 'ForcedLabour'],
    sectors: ['Hospitality', 'DomesticWork'],
    populations: ['women', 'children'],
    weight: 5,
  },
  {
    sources: ['Lashio|MM', 'Mandalay|MM'],
    transits: [[{ place: 'pt:24.0138,97.8517', border: true }]],
    destinations: ['Kunming|CN', 'Guangzhou|CN'],
    forms: ['ForcedMarriage'],
    populations: ['women'],
    weight: 5,
  },
  {
    sources: ['VN-21', 'VN-22', 'VN-03'],
    transits: [
      [{ place: 'Lào Cai|VN' }, { place: 'Hekou|CN', border: true }],
      [{ place: 'Móng Cái|VN' }, { place: 'Dongxing|CN', border: true }],
    ],
    destinations: ['Guangzhou|CN', 'Shenzhen|CN', 'Kunming|CN'],
    forms: ['ForcedMarriage', 'SexualExploitation'],
    populations: ['women'],
    weight: 6,
  },
  {
    sources: ['Birgañj|NP', 'Kathmandu|NP', 'Pokhara|NP'],
    transits: [[{ place: 'Raxaul|IN', border: true }], [{ place: 'Gorakhpur|IN' }]],
    destinations: ['Kolkata|IN', 'Mumbai|IN', 'Delhi|IN'],
    forms: ['SexualExploitation', 'ForcedLabour'],
    sectors: ['Hospitality', 'Manufacturing'],
    populations: ['women', 'children'],
    weight: 6,
  },
  {
    sources: ['Jessore|BD', 'Dhaka|BD'],
    transits: [[{ place: 'pt:23.0406,88.8925', border: true }]],
    destinations: ['Kolkata|IN', 'Mumbai|IN'],
    forms: ['SexualExploitation', 'ForcedLabour'],
    sectors: ['DomesticWork', 'Manufacturing'],
    populations: ['women', 'children'],
    weight: 5,
  },
  {
    sources: ['Cox’s Bāzār|BD', 'Sittwe|MM'],
    transits: [[{ place: 'Songkhla|TH' }, { place: 'TH-94' }]],
    destinations: ['Kuala Lumpur|MY', 'Klang|MY'],
    forms: ['ForcedLabour'],
    sectors: ['Construction', 'Agriculture'],
    populations: ['refugees', 'stateless', 'men'],
    weight: 5,
  },
  {
    sources: ['Dhaka|BD', 'Kathmandu|NP'],
    transits: [[]],
    destinations: ['Kuala Lumpur|MY', 'Johor Bahru|MY'],
    forms: ['ForcedLabour'],
    sectors: ['Manufacturing', 'Construction'],
    populations: ['migrants', 'men'],
    weight: 6,
  },
  {
    sources: ['Mataram|ID', 'Kupang|ID', 'Pontianak|ID'],
    transits: [[{ place: 'pt:4.1366,117.6664', border: true }]],
    destinations: ['Sandakan|MY', 'Kota Kinabalu|MY', 'Tawau|MY'],
    forms: ['ForcedLabour', 'ChildLabour'],
    sectors: ['Agriculture'],
    populations: ['migrants', 'children'],
    weight: 5,
  },
  {
    sources: ['Manila|PH', 'Tacloban|PH', 'PH-ILI'],
    transits: [[]],
    destinations: ['Dubai|AE', 'Riyadh|SA', 'Doha|QA', 'Kuwait City|KW'],
    forms: ['ForcedLabour', 'Servitude'],
    sectors: ['DomesticWork'],
    populations: ['women', 'domesticWorkers'],
    weight: 6,
  },
  {
    sources: ['Indramayu|ID', 'Cirebon|ID', 'ID-LA'],
    transits: [[{ place: 'Jakarta|ID' }]],
    destinations: ['Riyadh|SA', 'Kuala Lumpur|MY', 'Hong Kong|HK'],
    forms: ['ForcedLabour', 'Servitude'],
    sectors: ['DomesticWork'],
    populations: ['women', 'domesticWorkers'],
    weight: 5,
  },
  {
    sources: ['Ho Chi Minh City|VN', 'Bangkok|TH', 'Kunming|CN', 'Jakarta|ID'],
    transits: [[{ place: 'Phnom Penh|KH' }]],
    destinations: ['Sihanoukville|KH'],
    forms: ['ForcedLabour', 'Other'],
    sectors: ['IllicitActivities'],
    populations: ['men', 'women'],
    weight: 6,
  },
  {
    sources: ['Bangkok|TH', 'Ho Chi Minh City|VN', 'Kunming|CN'],
    transits: [[{ place: 'Mae Sot|TH' }, { place: 'Myawadi|MM', border: true }]],
    destinations: ['MM-13'],
    forms: ['ForcedLabour', 'Other'],
    sectors: ['IllicitActivities'],
    populations: ['men', 'women'],
    weight: 4,
  },
  {
    sources: ['Vinh|VN', 'Hanoi|VN'],
    transits: [[{ place: 'Vientiane|LA' }]],
    destinations: ['Bangkok|TH', 'Phnom Penh|KH'],
    forms: ['SexualExploitation', 'ForcedLabour'],
    sectors: ['Hospitality', 'Construction'],
    populations: ['women', 'children'],
    weight: 3,
  },
  {
    sources: ['Colombo|LK', 'Karachi|PK', 'Dhangaḍhi̇̄|NP'],
    transits: [[]],
    destinations: ['Dubai|AE', 'Muscat|OM', 'Riyadh|SA'],
    forms: ['ForcedLabour'],
    sectors: ['Construction', 'DomesticWork'],
    populations: ['migrants'],
    weight: 4,
  },
  {
    sources: ['Hat Yai|TH', 'Bangkok|TH'],
    transits: [[{ place: 'Songkhla|TH', border: true }]],
    destinations: ['Kuala Lumpur|MY', 'Penang|MY'],
    forms: ['SexualExploitation'],
    sectors: ['Hospitality'],
    populations: ['women'],
    weight: 3,
  },
  {
    sources: ['Kathmandu|NP', 'Dhaka|BD'],
    transits: [[{ place: 'Delhi|IN' }]],
    destinations: ['Seoul|KR', 'Tokyo|JP'],
    forms: ['ForcedLabour'],
    sectors: ['Agriculture', 'Manufacturing'],
    populations: ['migrants'],
    weight: 2,
  },
  {
    sources: ['Chiang Rai|TH', 'Mae Sai|TH'],
    transits: [[]],
    destinations: ['Bangkok|TH', 'Phuket|TH'],
    forms: ['SexualExploitation', 'ChildLabour'],
    sectors: ['Hospitality'],
    populations: ['children', 'indigenous'],
    weight: 3,
  },
];

const NOTES = [
  'Recruitment through brokers promising factory work; documents kept by the employer on arrival.',
  'Debt for transport and placement fees repaid through wages; pattern reported across several years.',
  'Seasonal pattern: more reports after harvest season.',
  'Online job advertisements for call-centre work; passports retained at the compound.',
  'Crossing at an informal point along the river; onward transport by van.',
  'Arranged through relatives and local matchmakers; bride price paid to the family.',
  'Children sent to sell flowers and beg in tourist areas.',
  'Agencies charge fees above the legal limit; contracts substituted on arrival.',
  '',
  '',
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resolve(ref: string): string {
  if (!ref.includes('|')) return ref;
  const [name, cc] = splitOnce(ref, '|');
  // Cities first: "Phnom Penh" means the city, not the province of the same name.
  const hit =
    searchPlaces(name, { limit: 1, countries: [cc], kinds: ['city'] }).find(
      (h) => h.quality === 'exact',
    ) ?? searchPlaces(name, { limit: 1, countries: [cc] })[0];
  if (!hit || hit.quality !== 'exact') throw new Error(`demo routes: no place "${ref}"`);
  return hit.place.id;
}

export const DEMO_ROUTE_COUNT = 320;

export async function seedDemoRoutes(db: Db, coalitionId: string, now: Date): Promise<number> {
  const rnd = mulberry32(20261128);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs))),
  ];
  const orgs = await organisationCountries(db, coalitionId);
  const orgIds = [...new Set(orgs.map((o) => o.id))];
  const totalWeight = CORRIDORS.reduce((s, c) => s + c.weight, 0);
  const fields: RouteFields[] = [];
  for (let i = 0; i < DEMO_ROUTE_COUNT; i++) {
    let x = rnd() * totalWeight;
    const c = CORRIDORS.find((cr) => (x -= cr.weight) < 0) ?? CORRIDORS[0]!;
    const source = resolve(pick(c.sources));
    const destination = resolve(pick(c.destinations));
    const transits = pick(c.transits).map((t) => ({
      place: resolve(t.place),
      borderCrossing: t.border ?? false,
    }));
    const country = source.replace(/^city:.*/, '').slice(0, 2);
    const local = orgs.filter((o) => o.code === country).map((o) => o.id);
    const yearFrom = 2014 + Math.floor(rnd() * 10);
    const input = RouteCreate.parse({
      source,
      destination,
      transits: transits.filter((t) => t.place !== source && t.place !== destination),
      forms: some(c.forms, 2),
      sectors: c.sectors ? some(c.sectors, 2) : [],
      populations: c.populations ? some(c.populations, 2) : [],
      yearFrom,
      yearTo: rnd() < 0.6 ? Math.min(2026, yearFrom + Math.floor(rnd() * 6)) : null,
      confidence: pick(['confirmed', 'likely', 'likely', 'suspected'] as const),
      basis: pick([
        'casework',
        'casework',
        'hotline',
        'research',
        'media',
        'fieldObservation',
      ] as const),
      notes: pick(NOTES),
      visibility: rnd() < 0.5 ? 'public' : rnd() < 0.85 ? 'coalition' : 'organisation',
    });
    const organisationId = local.length && rnd() < 0.7 ? pick(local) : pick(orgIds);
    const { fields: f, errors } = resolveFields(input, organisationId ?? null);
    if (!f) throw new Error(`demo route ${i}: ${JSON.stringify(errors)}`);
    fields.push(f);
  }
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertRoutes(trx, coalitionId, fields, null, at);
    await insertChallengeRows(
      trx,
      DEMO_CHALLENGES.map((c, i) => ({
        id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        coalition_id: coalitionId,
        organisation_id: orgIds[(i * 7) % orgIds.length] ?? null,
        text: c.text,
        place_id: c.place ? resolve(c.place) : null,
        form: c.form,
        visibility: i % 3 === 2 ? 'coalition' : 'public',
        created_by: null,
        created_at: at,
      })),
    );
  });
  return fields.length;
}

const DEMO_CHALLENGES: {
  text: string;
  place: string | null;
  form: FormOfExploitation | null;
}[] = [
  {
    text: 'No shelter near the border crossing takes adult men; referrals go to Bangkok, eight hours away.',
    place: 'Mae Sot|TH',
    form: 'ForcedLabour',
  },
  {
    text: 'Fishers return to port only every few months, so outreach has a narrow window.',
    place: 'Samut Sakhon|TH',
    form: 'ForcedLabour',
  },
  {
    text: 'Cross-border case referral depends on personal contacts; no agreed procedure.',
    place: 'Paoy Paet|KH',
    form: null,
  },
  {
    text: 'Interpreters for Rohingya and Shan are hard to find for court hearings.',
    place: 'Kuala Lumpur|MY',
    form: null,
  },
  {
    text: 'Families do not report forced marriage because of the bride price already received.',
    place: 'VN-22',
    form: 'ForcedMarriage',
  },
  {
    text: 'Scam-compound survivors are treated as offenders on return.',
    place: 'Sihanoukville|KH',
    form: 'Other',
  },
  {
    text: 'Domestic workers cannot leave the house to reach services.',
    place: 'Riyadh|SA',
    form: 'Servitude',
  },
  {
    text: 'Data on routes is scattered across organisations and rarely shared.',
    place: null,
    form: null,
  },
];
