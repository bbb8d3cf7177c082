import { randomUUID } from 'node:crypto';
import { Intent } from '../../src/contract/live.ts';
import type { RoomAction } from '../../src/server/auth/policy.ts';
import type { WorldEvent } from './world.ts';

/**
 * One sample of every live intent type (the types come from the contract's `Intent` union: a new
 * type without a sample here fails the matrix), and the room action it needs: card intents are
 * decided by ROOM_POLICY, every other intent only by facilitators (the event `update` rule).
 */
export const INTENT_SAMPLES: Record<
  string,
  {
    action: RoomAction | 'facilitate';
    about?: 'own' | 'other';
    make(e: WorldEvent, ownCard: string): object;
  }
> = {
  startSession: {
    action: 'facilitate',
    make: (e) => ({ type: 'startSession', sessionId: e.sessionId }),
  },
  pause: { action: 'facilitate', make: () => ({ type: 'pause' }) },
  resume: { action: 'facilitate', make: () => ({ type: 'resume' }) },
  extend: { action: 'facilitate', make: () => ({ type: 'extend', seconds: 60 }) },
  nextRound: { action: 'facilitate', make: () => ({ type: 'nextRound' }) },
  finish: { action: 'facilitate', make: () => ({ type: 'finish' }) },
  broadcast: { action: 'facilitate', make: () => ({ type: 'broadcast', text: 'Matrix notice' }) },
  setPresence: {
    action: 'facilitate',
    make: (e) => ({ type: 'setPresence', participantId: e.participantId, status: 'present' }),
  },
  replan: { action: 'facilitate', make: () => ({ type: 'replan' }) },
  addCard: {
    action: 'addCard',
    make: (e) => ({
      type: 'addCard',
      cardId: randomUUID(),
      issueKey: e.issueKey,
      text: 'Matrix live card',
      kind: 'cause',
      level: 'individual',
    }),
  },
  editCard: {
    action: 'changeCard',
    about: 'other',
    make: (e) => ({ type: 'editCard', cardId: e.cardId, baseVersion: 1, text: 'Matrix edit' }),
  },
  deleteCard: {
    action: 'changeCard',
    about: 'other',
    make: (e) => ({ type: 'deleteCard', cardId: e.cardId }),
  },
  restoreCard: {
    action: 'changeCard',
    about: 'other',
    make: (e) => ({ type: 'restoreCard', cardId: e.cardId }),
  },
  addRoute: {
    action: 'addRoute',
    make: () => ({
      type: 'addRoute',
      routeId: randomUUID().replaceAll('-', ''),
      source: 'city:1298824',
      destination: 'city:1609350',
      forms: ['ForcedLabour'],
    }),
  },
  addPattern: {
    action: 'addPattern',
    make: (e) => ({
      type: 'addPattern',
      patternId: randomUUID(),
      issueKey: e.issueKey,
      form: 'ForcedLabour',
      sector: null,
      population: null,
      indicators: [7],
      paid: 'full',
      canLeave: true,
      recruitment: 'free',
      moved: false,
      notes: '',
    }),
  },
  handover: {
    action: 'writeHandover',
    make: (e) => ({ type: 'handover', issueKey: e.issueKey, text: 'Matrix note' }),
  },
  // The learnings wall: the standing is checked before what the post or session is (a refusal
  // for a missing post or a session of another kind is a business answer, not a denial).
  postLearning: {
    action: 'postLearning',
    make: (e) => ({
      type: 'postLearning',
      learningId: randomUUID(),
      sessionId: e.sessionId,
      text: 'Matrix learning',
      showOrg: false,
    }),
  },
  voteLearning: {
    action: 'voteLearning',
    make: () => ({ type: 'voteLearning', learningId: randomUUID(), up: true }),
  },
  hideLearning: {
    action: 'moderateLearnings',
    make: () => ({ type: 'hideLearning', learningId: randomUUID(), hidden: true }),
  },
  pinLearning: {
    action: 'moderateLearnings',
    make: () => ({ type: 'pinLearning', learningId: randomUUID(), pinned: true }),
  },
  mergeLearnings: {
    action: 'moderateLearnings',
    make: () => ({ type: 'mergeLearnings', learningId: randomUUID(), intoId: randomUUID() }),
  },
  themeLearning: {
    action: 'moderateLearnings',
    make: () => ({ type: 'themeLearning', learningId: randomUUID(), themeId: null }),
  },
  addLearningTheme: {
    action: 'moderateLearnings',
    make: () => ({ type: 'addLearningTheme', themeId: randomUUID(), label: 'Matrix theme' }),
  },
};

/** Every intent type the contract declares. */
export const INTENT_TYPES: string[] = Intent.options.map((o) => String(o.shape.type.value));
