import { randomUUID } from 'node:crypto';
import type { CardKindCode, CardLevelCode } from '../../contract/constants.ts';
import type { Db } from '../db/index.ts';
import { appendHistory, type CardRecord, insertCard, upsertHandover } from '../db/repos/cards.ts';
import { listTables } from '../db/repos/events.ts';

/**
 * Café sheets of the demo event, as earlier groups left them: push factors and consequences in
 * the words a room uses, spread over rounds and tables, so a newcomer sees layers. Patterns only:
 * no card describes a person.
 */
const CARDS: [issue: string, kind: CardKindCode, level: CardLevelCode, text: string][] = [
  ['domesticWorkers', 'cause', 'individual', 'Poverty and debt at home before departure'],
  ['domesticWorkers', 'cause', 'structural', 'Visa tied to one employer'],
  [
    'domesticWorkers',
    'cause',
    'community',
    'Recruiters trusted because they come from the village',
  ],
  [
    'domesticWorkers',
    'consequence',
    'individual',
    'Passport kept by the employer (documents withheld)',
  ],
  ['domesticWorkers', 'consequence', 'individual', 'Paid, but cannot leave the house'],
  ['domesticWorkers', 'consequence', 'family', 'Remittances stop; children leave school'],
  ['domesticWorkers', 'consequence', 'individual', 'Never paid at all'],
  ['forcedLabourFishing', 'cause', 'structural', 'Weak inspection of long-haul vessels at sea'],
  ['forcedLabourFishing', 'cause', 'individual', 'Recruitment fees paid with borrowed money'],
  ['forcedLabourFishing', 'consequence', 'individual', 'Months at sea without landing; isolation'],
  ['forcedLabourFishing', 'consequence', 'family', 'Family does not know which boat or port'],
  ['forcedLabourFishing', 'consequence', 'community', 'Villages lose young men to debt for years'],
  ['forcedMarriage', 'cause', 'family', 'Bride price expected to clear a family debt'],
  ['forcedMarriage', 'cause', 'structural', 'Gender imbalance across the border creates demand'],
  ['forcedMarriage', 'consequence', 'individual', 'Cannot speak the language of the new home'],
  ['forcedMarriage', 'consequence', 'community', 'Shame keeps returnees from telling anyone'],
  ['childSexTrafficking', 'cause', 'individual', 'Online grooming through social media'],
  ['childSexTrafficking', 'cause', 'community', 'Demand from travelling offenders'],
  [
    'childSexTrafficking',
    'consequence',
    'individual',
    'Trauma that needs long-term, trauma-informed care',
  ],
  ['migrants', 'cause', 'structural', 'No legal route for low-wage work abroad'],
  ['migrants', 'consequence', 'individual', 'Undocumented status: afraid to go to the police'],
  ['refugees', 'cause', 'structural', 'No right to work in the country of asylum'],
  ['refugees', 'consequence', 'family', 'Children married early for protection'],
  ['policyAndLegal', 'cause', 'structural', 'Victims prosecuted for immigration offences'],
  ['policyAndLegal', 'consequence', 'structural', 'No robust compensation mechanism for survivors'],
];

/** Texts of the seeded cards by issue, so tests can tell them from what they add. */
export const DEMO_CARD_TEXTS = new Map<string, string[]>();
for (const [issue, , , text] of CARDS)
  DEMO_CARD_TEXTS.set(issue, [...(DEMO_CARD_TEXTS.get(issue) ?? []), text]);

export async function seedDemoCards(db: Db, eventId: string, now: Date): Promise<void> {
  const tables = await listTables(db, eventId);
  await db.transaction().execute(async (trx) => {
    for (const [i, [issue, kind, level, text]] of CARDS.entries()) {
      const round = i % 3;
      const at = new Date(now.getTime() - (CARDS.length - i) * 60_000).toISOString();
      const card: CardRecord = {
        id: randomUUID(),
        eventId,
        issueKey: issue,
        kind,
        level,
        text,
        tags: { forms: [], sectors: [], populations: [], ilo: [] },
        tableId: tables[(i + round) % tables.length]?.id ?? null,
        round,
        participantId: null,
        userId: null,
        version: 1,
        deleted: false,
        createdAt: at,
        updatedAt: at,
      };
      await insertCard(trx, card);
      await appendHistory(trx, {
        eventId: card.eventId,
        cardId: card.id,
        version: 1,
        text,
        kind,
        level,
        tags: card.tags,
        deleted: false,
        reason: 'add',
        byKey: 'seed:demo',
        at,
      });
    }
    await upsertHandover(trx, {
      eventId,
      issueKey: 'domesticWorkers',
      text: 'We covered documents and wages; nobody has talked about what happens after return yet.',
      tableId: tables[0]?.id ?? null,
      round: 2,
      at: now.toISOString(),
    });
  });
}
