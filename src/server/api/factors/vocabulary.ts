/**
 * The coalition's factor vocabulary: read by every member, changed by its coordinators and admins
 * (policy `factor`). Every change drops the coalition's cached suggester, and is audited in its
 * transaction. The coalition is the caller's own: no URL names another one.
 */
import { ErrorBody } from '../../../contract/common.ts';
import {
  EditFactorBody,
  FactorParams,
  MergeFactorBody,
  MergeResult,
  NewFactorBody,
  SplitFactorBody,
  SplitResult,
  Vocabulary,
  VocabularyFactor,
} from '../../../contract/factors.ts';
import { FACTOR_LANGUAGES } from '../../../domain/factors/vocabulary.ts';
import { can, type Action, type Actor } from '../../auth/policy.ts';
import type { App, AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { audit } from '../../db/repos/accounts.ts';
import { forbidden, ROUTE_ERRORS, unauthenticated } from '../../http/errors.ts';
import type { SuggesterCache } from '../../factors/cache.ts';
import {
  addFactor,
  editFactor,
  mergeFactors,
  restoreFactor,
  retireFactor,
  splitFactor,
  vocabularyOf,
  type CoalitionFactor,
  type VocabularyEntry,
} from '../../factors/service.ts';
import { refusal } from './refusal.ts';

const ERRORS = { ...ROUTE_ERRORS, 409: ErrorBody, 422: ErrorBody };

type User = Extract<Actor, { kind: 'user' }>;

/** The caller, if the policy lets them do `action` to their coalition's vocabulary. */
function allowed(actor: Actor, action: Action): User {
  if (actor.kind !== 'user') throw unauthenticated();
  const record = {
    coalitionId: actor.coalitionId,
    owningOrganisationId: null,
    visibility: 'coalition' as const,
  };
  if (!can(actor, action, 'factor', record)) throw forbidden();
  return actor;
}

export function presentFactor(f: VocabularyEntry): VocabularyFactor {
  return {
    id: f.id,
    kind: f.kind,
    status: f.status,
    mergedInto: f.mergedInto,
    labels: { ...f.labels, en: f.label },
    descriptions: { ...f.descriptions, ...(f.description ? { en: f.description } : {}) },
    keywords: Object.fromEntries(
      FACTOR_LANGUAGES.flatMap((l) => {
        const list = f.keywords[l];
        return list ? [[l, list]] : [];
      }),
    ),
    codes: f.codes,
    position: f.position,
    cards: f.cards,
    default: f.isDefault,
    updatedAt: f.updatedAt,
    updatedBy: f.updatedBy,
  };
}

export function vocabularyRoutes(app: App, ctx: AppContext, cache: SuggesterCache): void {
  const policy = (action: Action) => ({ kind: 'resource', resource: 'factor', action }) as const;
  const now = () => ctx.now();
  const audited = (user: User, action: string) => ({
    audit: (trx: Db, recordId: string) =>
      audit(
        trx,
        {
          coalitionId: user.coalitionId,
          userId: user.userId,
          action,
          resource: 'factor',
          recordId,
        },
        ctx.now().toISOString(),
      ),
  });
  /** The factor as the list shows it now (with its card count). */
  const fresh = async (user: User, id: string) => {
    cache.invalidate(user.coalitionId);
    const f = (await vocabularyOf(ctx.db, user.coalitionId)).find((x) => x.id === id)!;
    return presentFactor(f);
  };
  const labelsOf = (labels: Partial<Record<string, string>>) => ({
    label: labels.en ?? '',
    labels,
  });

  app.get(
    '/api/factors',
    {
      config: { policy: policy('read') },
      schema: {
        tags: ['factors'],
        summary:
          "The coalition's factors (every status) with their words per language and card counts",
        response: { 200: Vocabulary, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const user = allowed(request.actor, 'read');
      const record = {
        coalitionId: user.coalitionId,
        owningOrganisationId: null,
        visibility: 'coalition' as const,
      };
      return {
        languages: [...FACTOR_LANGUAGES],
        factors: (await vocabularyOf(ctx.db, user.coalitionId)).map(presentFactor),
        can: {
          create: can(user, 'create', 'factor', record),
          update: can(user, 'update', 'factor', record),
          retire: can(user, 'delete', 'factor', record),
        },
      };
    },
  );

  app.post(
    '/api/factors',
    {
      config: { policy: policy('create') },
      schema: {
        tags: ['factors'],
        summary: 'Add a factor (optionally made from a card, which is then assigned to it)',
        body: NewFactorBody,
        response: { 201: VocabularyFactor, ...ERRORS },
      },
    },
    async (request, reply) => {
      const user = allowed(request.actor, 'create');
      const b = request.body;
      const made: CoalitionFactor = await addFactor(ctx.db, {
        coalitionId: user.coalitionId,
        id: b.id,
        kind: b.kind,
        ...labelsOf(b.labels),
        descriptions: b.descriptions,
        keywords: b.keywords,
        fromCard: b.fromCard,
        userId: user.userId,
        now: now(),
        ...audited(user, 'factor.create'),
      }).catch((e: unknown) => refusal(e));
      return reply.code(201).send(await fresh(user, made.id));
    },
  );

  app.patch(
    '/api/factors/:factorId',
    {
      config: { policy: policy('update') },
      schema: {
        tags: ['factors'],
        summary: "Edit a factor's labels, descriptions, keywords (per language) or codes",
        params: FactorParams,
        body: EditFactorBody,
        response: { 200: VocabularyFactor, ...ERRORS },
      },
    },
    async (request) => {
      const user = allowed(request.actor, 'update');
      const b = request.body;
      await editFactor(ctx.db, {
        coalitionId: user.coalitionId,
        id: request.params.factorId,
        labels: b.labels,
        descriptions: b.descriptions,
        keywords: b.keywords,
        codes: b.codes,
        userId: user.userId,
        now: now(),
        ...audited(user, 'factor.update'),
      }).catch((e: unknown) => refusal(e, request.params.factorId));
      return fresh(user, request.params.factorId);
    },
  );

  app.post(
    '/api/factors/:factorId/merge',
    {
      config: { policy: policy('update') },
      schema: {
        tags: ['factors'],
        summary: 'Merge this factor into another: its cards follow (new versions), its words join',
        params: FactorParams,
        body: MergeFactorBody,
        response: { 200: MergeResult, ...ERRORS },
      },
    },
    async (request) => {
      const user = allowed(request.actor, 'update');
      const moved = await mergeFactors(ctx.db, {
        coalitionId: user.coalitionId,
        from: request.params.factorId,
        into: request.body.into,
        userId: user.userId,
        now: now(),
        ...audited(user, 'factor.merge'),
      }).catch((e: unknown) => refusal(e, request.params.factorId));
      return { moved, into: await fresh(user, request.body.into) };
    },
  );

  app.post(
    '/api/factors/:factorId/split',
    {
      config: { policy: policy('update') },
      schema: {
        tags: ['factors'],
        summary: 'Split a factor into new ones, moving the cards named for each',
        params: FactorParams,
        body: SplitFactorBody,
        response: { 201: SplitResult, ...ERRORS },
      },
    },
    async (request, reply) => {
      const user = allowed(request.actor, 'update');
      const r = await splitFactor(ctx.db, {
        coalitionId: user.coalitionId,
        id: request.params.factorId,
        parts: request.body.parts.map((p) => ({ ...p, ...labelsOf(p.labels) })),
        retire: request.body.retire,
        userId: user.userId,
        now: now(),
        ...audited(user, 'factor.split'),
      }).catch((e: unknown) => refusal(e, request.params.factorId));
      cache.invalidate(user.coalitionId);
      const all = await vocabularyOf(ctx.db, user.coalitionId);
      const made = new Set(r.factors.map((f) => f.id));
      return reply
        .code(201)
        .send({ moved: r.moved, factors: all.filter((f) => made.has(f.id)).map(presentFactor) });
    },
  );

  for (const [path, action, run] of [
    ['retire', 'delete', retireFactor],
    ['restore', 'update', restoreFactor],
  ] as const)
    app.post(
      `/api/factors/:factorId/${path}`,
      {
        config: { policy: policy(action) },
        schema: {
          tags: ['factors'],
          summary:
            path === 'retire'
              ? 'Retire a factor: no card can take it any more; cards that have it keep it'
              : 'Bring a retired factor back',
          params: FactorParams,
          response: { 200: VocabularyFactor, ...ERRORS },
        },
      },
      async (request) => {
        const user = allowed(request.actor, action);
        await run(ctx.db, {
          coalitionId: user.coalitionId,
          id: request.params.factorId,
          userId: user.userId,
          now: now(),
          ...audited(user, `factor.${path}`),
        }).catch((e: unknown) => refusal(e, request.params.factorId));
        return fresh(user, request.params.factorId);
      },
    );
}
