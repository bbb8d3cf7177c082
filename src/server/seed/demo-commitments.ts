import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { insertCommitment, insertLinks, insertUpdate } from '../db/repos/commitments.ts';
import { listCards } from '../db/repos/cards.ts';
import { organisationIdsByName } from '../db/repos/organisations.ts';
import type { CommitmentTable } from '../db/schema-commitments.ts';

/**
 * The demo event's roadmaps (issue 14): commitments of four expertise groups, owned by demo
 * organisations, some done, some in progress, two overdue; one card promoted (its link back kept),
 * gaps and issues linked; and one commitment of an earlier convening not updated for 95 days, so
 * the follow-up list and the coalition's progress have something to show. Dates follow `now`.
 */
const idOf = (eventId: string, i: number, what = 'commitment') => {
  const h = createHash('sha256').update(`demo-${what}:${eventId}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface Seed {
  group: string | null;
  title: string;
  owner: string;
  second?: string;
  /** Target date, days from now. */
  due: number;
  status: 'planned' | 'in_progress' | 'done' | 'dropped';
  note?: string;
  /** Created (and last reported) this many days ago. */
  age?: number;
  links?: { kind: 'gap' | 'issue'; ref: string; label?: string }[];
  /** Promoted from the event's first card on this issue. */
  fromCardOf?: string;
}

const SEEDS: Seed[] = [
  {
    group: 'forcedLabour',
    title: 'Joint inspections of fishing boats in Songkhla with labour inspectors',
    owner: 'Andaman Fishers Watch (demo)',
    second: 'Royal Thai Anti-Trafficking Division, Region 8 (demo)',
    due: -14,
    status: 'in_progress',
    note: 'Two inspections held; the third waits for the port authority.',
    links: [
      {
        kind: 'gap',
        ref: 'TH-90|ForcedLabour',
        label: 'Songkhla: forced labour reported, no protection services',
      },
    ],
    fromCardOf: 'forcedLabourFishing',
  },
  {
    group: 'forcedLabour',
    title: 'Publish a recruitment-fee checklist for construction workers (Khmer, Burmese, Thai)',
    owner: 'Kuala Lumpur Construction Workers Aid (demo)',
    due: 45,
    status: 'planned',
  },
  {
    group: 'domesticWorkers',
    title: 'Hotline hours extended to evenings and weekends for domestic workers',
    owner: 'Nusantara Domestic Workers Union (demo)',
    due: -3,
    status: 'planned',
    links: [
      {
        kind: 'gap',
        ref: 'MY|ForcedLabour',
        label: 'Malaysia: domestic work routes, few protection services',
      },
    ],
  },
  {
    group: 'domesticWorkers',
    title: 'Model contract with a rest day and document-retention clause',
    owner: 'Cambodian Women’s Legal Circle (demo)',
    second: 'Nusantara Domestic Workers Union (demo)',
    due: 20,
    status: 'done',
    note: 'Adopted by two recruitment agencies; shared with the coalition.',
  },
  {
    group: 'migrantsRefugees',
    title: 'Referral map for refugees at the Mae Sot crossing',
    owner: 'Bay of Bengal Refugee Protection Working Group (demo)',
    due: 90,
    status: 'in_progress',
    note: 'First draft with 14 services.',
    links: [
      {
        kind: 'gap',
        ref: 'TH-63|ForcedLabour',
        label: 'Tak: transit point with few organisations',
      },
    ],
  },
  {
    group: 'migrantsRefugees',
    title: 'Pre-departure sessions in Dhaka on safe migration',
    owner: 'Dhaka Safe Migration Centre (demo)',
    due: 120,
    status: 'planned',
  },
  {
    group: 'policyLegal',
    title: 'Brief to ASEAN on victim compensation mechanisms',
    owner: 'Mekong Safe Passage (demo)',
    second: 'Cambodian Women’s Legal Circle (demo)',
    due: 150,
    status: 'planned',
  },
  {
    group: 'policyLegal',
    title: 'Court-watch of trafficking cases in Phnom Penh',
    owner: 'Cambodian Women’s Legal Circle (demo)',
    due: 60,
    status: 'dropped',
    note: 'No funding this year; to be raised again next convening.',
  },
  // An earlier convening's commitment, not reported on since: overdue and 95 days without news.
  {
    group: null,
    title: 'Shelter standards for survivors returning to Kathmandu',
    owner: 'Kathmandu Returnee Network (demo)',
    second: 'Sunrise Survivors Collective (demo)',
    due: -30,
    status: 'in_progress',
    age: 95,
    note: 'Draft standards discussed with two shelters.',
  },
];

export async function seedDemoCommitments(
  db: Db,
  coalitionId: string,
  eventId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const orgs = await organisationIdsByName(db, coalitionId);
  const cards = await listCards(db, eventId);
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000);
  for (const [i, s] of SEEDS.entries()) {
    const owner = orgs.get(s.owner);
    if (!owner) throw new Error(`demo commitments: no organisation "${s.owner}"`);
    const created = day(-(s.age ?? 0)).toISOString();
    const id = idOf(eventId, i);
    const row: CommitmentTable = {
      id,
      coalition_id: coalitionId,
      event_id: s.group ? eventId : null,
      group_key: s.group,
      title: s.title,
      description: '',
      owner_organisation_id: owner,
      second_organisation_id: (s.second && orgs.get(s.second)) || null,
      target_date: day(s.due).toISOString().slice(0, 10),
      status: s.status,
      visibility: 'coalition',
      created_by: userId,
      created_at: created,
      updated_at: created,
      progress_at: created,
    };
    await insertCommitment(db, row);
    if (s.status !== 'planned')
      await insertUpdate(db, {
        id: idOf(eventId, i, 'commitment-update'),
        coalition_id: coalitionId,
        commitment_id: id,
        status: s.status,
        note: s.note ?? '',
        by_user_id: userId,
        by_name: 'Demo Admin',
        at: created,
      });
    const card = s.fromCardOf
      ? cards.find((c) => c.issueKey === s.fromCardOf && !c.deleted)
      : undefined;
    await insertLinks(db, [
      ...(card
        ? [
            {
              coalition_id: coalitionId,
              commitment_id: id,
              kind: 'card' as const,
              ref: card.id,
              event_id: eventId,
              label: card.text,
              source: 1,
              created_at: created,
            },
          ]
        : []),
      ...(s.links ?? []).map((l) => ({
        coalition_id: coalitionId,
        commitment_id: id,
        kind: l.kind,
        ref: l.ref,
        event_id: null,
        label: l.label ?? l.ref,
        source: 0,
        created_at: created,
      })),
    ]);
  }
}
