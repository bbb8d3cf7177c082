import type { ParticipantInput } from '../../contract/events.ts';
import type { AppContext } from '../context.ts';
import { addParticipants, createEvent } from '../events/service.ts';
import type { Actor } from '../auth/policy.ts';
import { insertSession } from '../db/repos/events.ts';
import { randomUUID } from 'node:crypto';
import { seedDemoCards } from './demo-cards.ts';

/**
 * The demo convening: day three of a regional conference, with FICTIONAL participants (invented
 * names, demo organisations). Enough people for every screen: 36 participants at 6 tables.
 */
const PEOPLE: [string, string, ParticipantInput['sector'], string, string[]][] = [
  [
    'Aung Min Thu',
    'Yangon Migrant Rights Forum (demo)',
    'ngo',
    'MM',
    ['migrantsRefugees', 'forcedLabour', 'policyLegal'],
  ],
  [
    'Siriporn Chaiyaporn',
    'Mekong Safe Passage (demo)',
    'ngo',
    'TH',
    ['sexTrafficking', 'migrantsRefugees', 'domesticWorkers'],
  ],
  [
    'Sokha Chan',
    'Cambodian Women’s Legal Circle (demo)',
    'ngo',
    'KH',
    ['forcedMarriage', 'policyLegal', 'sexTrafficking'],
  ],
  [
    'Maria Santos',
    'Sunrise Survivors Collective (demo)',
    'survivorLed',
    'PH',
    ['sexTrafficking', 'domesticWorkers', 'policyLegal'],
  ],
  [
    'Rizal Pratama',
    'Nusantara Domestic Workers Union (demo)',
    'ngo',
    'ID',
    ['domesticWorkers', 'migrantsRefugees', 'forcedLabour'],
  ],
  [
    'Nurul Aisyah',
    'Kuala Lumpur Construction Workers Aid (demo)',
    'faith',
    'MY',
    ['forcedLabour', 'migrantsRefugees', 'domesticWorkers'],
  ],
  [
    'Farhana Akter',
    'Dhaka Safe Migration Centre (demo)',
    'ngo',
    'BD',
    ['migrantsRefugees', 'forcedLabour', 'forcedMarriage'],
  ],
  [
    'Pemba Sherpa',
    'Kathmandu Returnee Network (demo)',
    'survivorLed',
    'NP',
    ['sexTrafficking', 'forcedLabour', 'migrantsRefugees'],
  ],
  [
    'Nguyen Thi Lan',
    'Hanoi Centre for Labour Migration Studies (demo)',
    'research',
    'VN',
    ['forcedMarriage', 'migrantsRefugees', 'policyLegal'],
  ],
  [
    'Khamla Vongsa',
    'Lao Youth Resilience Programme (demo)',
    'ngo',
    'LA',
    ['sexTrafficking', 'forcedLabour', 'migrantsRefugees'],
  ],
  [
    'Pol. Maj. Chatchai Boonmee',
    'Royal Thai Anti-Trafficking Division, Region 8 (demo)',
    'lawEnforcement',
    'TH',
    ['forcedLabour', 'sexTrafficking', 'policyLegal'],
  ],
  [
    'Dara Keo',
    'Phnom Penh Shelter Alliance (demo)',
    'ngo',
    'KH',
    ['sexTrafficking', 'forcedMarriage', 'domesticWorkers'],
  ],
  [
    'Grace Villanueva',
    'Manila Online Child Safety Desk (demo)',
    'ngo',
    'PH',
    ['sexTrafficking', 'policyLegal', 'forcedMarriage'],
  ],
  [
    'Tan Wei Ling',
    'Regional Immigration Liaison Office (demo)',
    'government',
    'SG',
    ['migrantsRefugees', 'policyLegal', 'forcedLabour'],
  ],
  [
    'Anjali Rao',
    'South Asia Anti-Trafficking Policy Institute (demo)',
    'research',
    'IN',
    ['policyLegal', 'forcedMarriage', 'forcedLabour'],
  ],
  [
    'Somchai Rattanakul',
    'Andaman Fishers Watch (demo)',
    'ngo',
    'TH',
    ['forcedLabour', 'migrantsRefugees', 'policyLegal'],
  ],
  [
    'Hla Hla Win',
    'Mae Sot Border Clinic (demo)',
    'ngo',
    'MM',
    ['migrantsRefugees', 'domesticWorkers', 'sexTrafficking'],
  ],
  [
    'Ahmad Faizal',
    'Sabah Plantation Children’s Education Trust (demo)',
    'ngo',
    'MY',
    ['forcedLabour', 'migrantsRefugees', 'policyLegal'],
  ],
  [
    'Chaminda Perera',
    'Colombo Lawyers for Migrant Workers (demo)',
    'ngo',
    'LK',
    ['domesticWorkers', 'policyLegal', 'migrantsRefugees'],
  ],
  [
    'Jasmine Reyes',
    'Mindanao Forced Marriage Response (demo)',
    'ngo',
    'PH',
    ['forcedMarriage', 'sexTrafficking', 'domesticWorkers'],
  ],
  [
    'Bui Van Hoang',
    'Supply Chain Integrity Lab (demo)',
    'business',
    'VN',
    ['forcedLabour', 'policyLegal', 'migrantsRefugees'],
  ],
  [
    'Eleanor Marsh',
    'Coalition Funders Circle (demo)',
    'funder',
    'SG',
    ['policyLegal', 'forcedLabour', 'sexTrafficking'],
  ],
  [
    'Budi Santoso',
    'Jakarta Port Chaplaincy (demo)',
    'faith',
    'ID',
    ['forcedLabour', 'migrantsRefugees', 'domesticWorkers'],
  ],
  [
    'Naw Paw Htoo',
    'Chiang Rai Hill Tribes Legal Status Project (demo)',
    'ngo',
    'TH',
    ['policyLegal', 'migrantsRefugees', 'sexTrafficking'],
  ],
  [
    'Rahim Uddin',
    'Bay of Bengal Refugee Protection Working Group (demo)',
    'un',
    'BD',
    ['migrantsRefugees', 'forcedMarriage', 'policyLegal'],
  ],
  [
    'Srey Pov',
    'Ministry of Social Welfare Hotline Unit (demo)',
    'government',
    'KH',
    ['sexTrafficking', 'domesticWorkers', 'forcedLabour'],
  ],
  [
    'Lakshmi Devi',
    'Dhaka Safe Migration Centre (demo)',
    'ngo',
    'IN',
    ['domesticWorkers', 'forcedMarriage', 'migrantsRefugees'],
  ],
  [
    'Kyaw Zin Oo',
    'Yangon Migrant Rights Forum (demo)',
    'ngo',
    'MM',
    ['forcedLabour', 'migrantsRefugees', 'domesticWorkers'],
  ],
  [
    'Malee Sukjai',
    'Mekong Safe Passage (demo)',
    'ngo',
    'TH',
    ['forcedMarriage', 'sexTrafficking', 'migrantsRefugees'],
  ],
  [
    'Joy Dela Cruz',
    'Sunrise Survivors Collective (demo)',
    'survivorLed',
    'PH',
    ['domesticWorkers', 'sexTrafficking', 'forcedLabour'],
  ],
  [
    'Arif Hakim',
    'Nusantara Domestic Workers Union (demo)',
    'ngo',
    'MY',
    ['domesticWorkers', 'policyLegal', 'migrantsRefugees'],
  ],
  [
    'Sunita Gurung',
    'Kathmandu Returnee Network (demo)',
    'survivorLed',
    'NP',
    ['forcedMarriage', 'domesticWorkers', 'sexTrafficking'],
  ],
  [
    'Dr. Pham Minh Chau',
    'Hanoi Centre for Labour Migration Studies (demo)',
    'research',
    'VN',
    ['policyLegal', 'forcedLabour', 'forcedMarriage'],
  ],
  [
    'Vilay Phommachanh',
    'Lao Youth Resilience Programme (demo)',
    'ngo',
    'LA',
    ['migrantsRefugees', 'sexTrafficking', 'forcedMarriage'],
  ],
  [
    'Insp. Arjun Mehta',
    'South Asia Anti-Trafficking Policy Institute (demo)',
    'lawEnforcement',
    'IN',
    ['policyLegal', 'sexTrafficking', 'forcedLabour'],
  ],
  [
    'Mei Chen',
    'Coalition Funders Circle (demo)',
    'funder',
    'CN',
    ['forcedMarriage', 'policyLegal', 'domesticWorkers'],
  ],
];

export async function seedDemoEvent(
  ctx: Pick<AppContext, 'db' | 'now'>,
  actor: Actor,
): Promise<string> {
  const eventId = await createEvent(ctx, actor, {
    name: 'Asia Region Anti-Trafficking Conference — Day Three (demo)',
    startsOn: '2026-12-09',
    endsOn: '2026-12-11',
    venue: 'Conference Centre, Chiang Mai (fictional)',
    timeZone: 'Asia/Bangkok',
    tables: Array.from({ length: 6 }, (_, i) => ({ name: `Table ${i + 1}`, capacity: 7 })),
    walkInsAllowed: true,
  });
  await addParticipants(
    ctx,
    eventId,
    PEOPLE.map(([name, organisation, sector, country, choices]) => ({
      name,
      organisation,
      sector,
      country,
      choices,
      languages: [],
      email: null,
    })),
  );
  const sessions = [
    { kind: 'networking', title: 'Speed networking', rounds: 4, minutes: 5 },
    { kind: 'cafe', title: 'World café: causes and consequences', rounds: 5, minutes: 8 },
    { kind: 'groups', title: 'Expertise groups', rounds: 1, minutes: 60 },
    { kind: 'learnings', title: 'What we learnt today', rounds: 1, minutes: 20 },
  ] as const;
  for (const [position, s] of sessions.entries())
    await insertSession(ctx.db, {
      id: randomUUID(),
      eventId,
      kind: s.kind,
      title: s.title,
      rounds: s.rounds,
      minutesPerRound: s.minutes,
      position,
      plan: null,
      quality: null,
      rules: null,
    });
  await seedDemoCards(ctx.db, eventId, ctx.now());
  return eventId;
}
