import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { listParticipants, listSessions } from '../db/repos/events.ts';
import {
  insertLearning,
  insertTheme,
  insertVote,
  organisationOfName,
} from '../db/repos/learnings.ts';
import type { LearningTable } from '../db/schema-learnings.ts';

/**
 * The demo event's learnings wall (issue 14): what the room said it learnt at the end of the day,
 * grouped under three themes, with votes; some posts shown with the poster's organisation, three
 * published to everyone, one hidden by a facilitator (it names an agency) and one merged into the
 * post it repeats (some people voted for both: they count once). The report's "Learnings by theme"
 * section and the follow-up's promote-from-a-learning have something to show.
 */
const idOf = (eventId: string, what: string) => {
  const h = createHash('sha256').update(`demo-learning:${eventId}:${what}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const THEMES = {
  people: 'Invest in people',
  compensation: 'Compensation and justice',
  technology: 'Technology, used safely',
} as const;

interface Seed {
  key: string;
  text: string;
  theme: keyof typeof THEMES | null;
  /** Voters: participants [from, from + n) of the roster. */
  votes: [from: number, n: number];
  showOrg?: boolean;
  visibility?: 'public' | 'coalition';
  hidden?: boolean;
  mergedInto?: string;
}

const SEEDS: Seed[] = [
  {
    key: 'people',
    text: 'We must invest in people: frontline workers, interpreters and survivor leaders, not only in systems.',
    theme: 'people',
    votes: [0, 14],
    showOrg: true,
    visibility: 'public',
  },
  {
    key: 'people-again',
    text: 'Invest in the people who do the work, please!',
    theme: 'people',
    votes: [10, 6],
    mergedInto: 'people',
  },
  {
    key: 'compensation',
    text: 'Need for robust compensation mechanisms: survivors paid before they are sent home.',
    theme: 'compensation',
    votes: [3, 12],
    visibility: 'public',
  },
  {
    key: 'testify',
    text: 'Compensation must never depend on the survivor agreeing to testify.',
    theme: 'compensation',
    votes: [20, 5],
    showOrg: true,
  },
  {
    key: 'technology',
    text: 'Use of technology for disrupting trafficking — with the data kept safe for the people in it.',
    theme: 'technology',
    votes: [15, 6],
    visibility: 'public',
  },
  {
    key: 'border-data',
    text: 'ข้อมูลต้องแบ่งปันข้ามพรมแดนได้อย่างปลอดภัย ไม่ใช่ส่งต่อกันทางแชท',
    theme: 'technology',
    votes: [25, 4],
    showOrg: true,
  },
  {
    key: 'hotline',
    text: "A fishers' hotline only helps if someone answers at night and in their language.",
    theme: 'people',
    votes: [5, 3],
  },
  {
    key: 'hidden',
    text: 'The recruitment agency on the market road is behind all of it, everyone knows it.',
    theme: null,
    votes: [30, 2],
    hidden: true,
  },
  {
    key: 'co-design',
    text: 'Survivors should help design the next convening.',
    theme: null,
    votes: [8, 2],
  },
];

export async function seedDemoLearnings(
  db: Db,
  coalitionId: string,
  eventId: string,
  now: Date,
): Promise<void> {
  const [people, sessions] = await Promise.all([
    listParticipants(db, eventId),
    listSessions(db, eventId),
  ]);
  const session = sessions.find((s) => s.kind === 'learnings') ?? null;
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const owners = new Map<string, string | null>();
  for (const p of people)
    if (!owners.has(p.organisation))
      owners.set(p.organisation, await organisationOfName(db, coalitionId, p.organisation));
  await db.transaction().execute(async (trx) => {
    for (const [n, [key, label]] of Object.entries(THEMES).entries())
      await insertTheme(trx, {
        event_id: eventId,
        id: idOf(eventId, `theme:${key}`),
        label,
        created_at: at(90 - n),
      });
    for (const [n, s] of SEEDS.entries()) {
      const poster = people[(n * 7) % people.length]!;
      const id = idOf(eventId, s.key);
      const row: LearningTable = {
        event_id: eventId,
        id,
        coalition_id: coalitionId,
        session_id: session?.id ?? null,
        text: s.text,
        show_org: s.showOrg ? 1 : 0,
        organisation_name: poster.organisation,
        organisation_id: owners.get(poster.organisation) ?? null,
        participant_id: poster.id,
        hidden: s.hidden ? 1 : 0,
        pinned: 0,
        merged_into: s.mergedInto ? idOf(eventId, s.mergedInto) : null,
        theme_id: s.theme ? idOf(eventId, `theme:${s.theme}`) : null,
        visibility: s.visibility ?? 'coalition',
        created_at: at(80 - n * 3),
        updated_at: at(80 - n * 3),
      };
      await insertLearning(trx, row);
      const [from, count] = s.votes;
      for (let i = 0; i < count; i++)
        await insertVote(trx, {
          event_id: eventId,
          learning_id: id,
          participant_id: people[(from + i) % people.length]!.id,
          created_at: at(60 - n),
        });
    }
  });
}
