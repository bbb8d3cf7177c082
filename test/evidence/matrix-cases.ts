import { randomUUID } from 'node:crypto';
import { mayManageMember, type Actor, type RecordAccess } from '../../src/server/auth/policy.ts';
import type { Visibility } from '../../src/domain/taxonomy/codes.ts';
import { cloneEvent, freshMember, type World, type WorldActor, type WorldEvent } from './world.ts';

/**
 * How to exercise each registered route against one record. The list of routes comes from the app
 * (test/evidence/matrix.test.ts): a route missing here fails the matrix. The expected answer is
 * never written here: it comes from the route's declared policy and the record's access facts.
 */
export interface Prepared {
  url: string;
  payload?: unknown;
  /** The record the request addresses (its access facts); the create target for creates. */
  record?: RecordAccess;
  /** For lists: allowed means the record's id is in the answer. */
  listed?: string;
  /** Several records decide: allowed only if the policy allows every one (a child via a parent). */
  records?: RecordAccess[];
  /** When more than the policy table decides (ROLE_GRANTS for members), the table's own function. */
  decide?: (actor: Actor) => boolean;
  /** Send without the actor's cookie (logging out would end the session the matrix goes on with). */
  cookieless?: boolean;
  /** Business answers an allowed request may still get (e.g. a swap without a plan): not a deny. */
  businessRefusal?: boolean;
}

export type Variant = { visibility: Visibility } | { parent: 'own' | 'crossed' };

export interface Case {
  /** Which dimension the route's record varies in. */
  varies: 'visibility' | 'parent' | 'none';
  prepare(w: World, who: WorldActor, v: Variant): Promise<Prepared>;
}

const eventAccess = (e: WorldEvent): RecordAccess => ({
  coalitionId: e.coalitionId,
  owningOrganisationId: null,
  visibility: 'coalition',
});

const ROUTE = {
  source: 'city:1298824',
  destination: 'city:1609350',
  forms: ['ForcedLabour'],
  confidence: 'likely',
  basis: 'casework',
};

const vis = (v: Variant) => ('visibility' in v ? v.visibility : 'coalition');

async function created(w: World, url: string, body: unknown): Promise<string> {
  const r = await w.req(w.actors.admin, 'POST', url, body);
  if (r.statusCode !== 201) throw new Error(`fixture ${url}: ${r.statusCode} ${r.body}`);
  return r.json<{ id: string }>().id;
}

/** Organisation A with the visibility asked for: its member reads it through `ownOrganisation`. */
async function orgA(w: World, v: Variant): Promise<RecordAccess & { id: string }> {
  await w.h.store.db
    .updateTable('organisations')
    .set({ visibility: vis(v) })
    .where('id', '=', w.orgA)
    .execute();
  return { id: w.orgA, coalitionId: w.c1, owningOrganisationId: w.orgA, visibility: vis(v) };
}
/** A fresh organisation (for deletes), owned by itself. */
async function freshOrg(w: World, v: Variant) {
  const id = await created(w, '/api/organisations', {
    name: `Matrix org ${Math.random().toString(36).slice(2)}`,
    type: 'NGO',
    visibility: vis(v),
  });
  return { id, coalitionId: w.c1, owningOrganisationId: id, visibility: vis(v) };
}
/** Where the list case's routes run: a place nothing else uses, so the list finds them. */
const LISTED_ROUTE = { source: 'city:3413829', destination: 'city:3421319' };

/** A fresh route reported by organisation A. */
async function route(w: World, v: Variant, at: object = {}) {
  const id = await created(w, '/api/atlas/routes', {
    ...ROUTE,
    ...at,
    organisationId: w.orgA,
    visibility: vis(v),
  });
  return { id, coalitionId: w.c1, owningOrganisationId: w.orgA, visibility: vis(v) };
}
async function challenge(w: World, v: Variant) {
  const id = await created(w, '/api/atlas/challenges', {
    text: 'Matrix challenge',
    organisationId: w.orgA,
    visibility: vis(v),
  });
  return { id, coalitionId: w.c1, owningOrganisationId: w.orgA, visibility: vis(v) };
}
const PATTERN = {
  form: 'ForcedLabour',
  indicators: [7],
  paid: 'full',
  canLeave: true,
  recruitment: 'free',
  moved: false,
};
/** A fresh experience pattern owned by organisation A, in a form the list case filters on. */
async function pattern(w: World, v: Variant, form = 'ForcedLabour') {
  const id = await created(w, '/api/patterns', {
    ...PATTERN,
    form,
    organisationId: w.orgA,
    visibility: vis(v),
  });
  return { id, coalitionId: w.c1, owningOrganisationId: w.orgA, visibility: vis(v) };
}
/** An organisation of coalition 2 (its admin's commitments need an owner there), made once. */
const foreignOrgs = new WeakMap<World, Promise<string>>();
function foreignOrg(w: World): Promise<string> {
  let p = foreignOrgs.get(w);
  if (!p) {
    p = (async () => {
      const r = await w.req(w.actors.foreignAdmin, 'POST', '/api/organisations', {
        name: 'Matrix foreign organisation',
        type: 'NGO',
        visibility: 'coalition',
      });
      if (r.statusCode !== 201) throw new Error(`foreign organisation: ${r.statusCode} ${r.body}`);
      return r.json<{ id: string }>().id;
    })();
    foreignOrgs.set(w, p);
  }
  return p;
}
/** A fresh commitment owned by organisation A, with the title the list case filters on. */
async function commitment(w: World, v: Variant) {
  const id = await created(w, '/api/commitments', {
    title: 'Matrix commitment',
    ownerOrganisationId: w.orgA,
    targetDate: '2027-01-31',
    visibility: vis(v),
  });
  return { id, coalitionId: w.c1, owningOrganisationId: w.orgA, visibility: vis(v) };
}
/** The follow-up list and digest of the caller's own coalition. */
const followUpOfCaller = (w: World, who: WorldActor): RecordAccess => ({
  coalitionId: who.actor.kind === 'user' ? who.actor.coalitionId : w.c1,
  owningOrganisationId: null,
  visibility: 'coalition',
});
/** A post on event 1's learnings wall, owned by organisation A, with the visibility asked for. */
async function learning(w: World, v: Variant) {
  const id = randomUUID();
  const at = new Date().toISOString();
  await w.h.store.db
    .insertInto('learnings')
    .values({
      event_id: w.event1.detail.id,
      id,
      coalition_id: w.c1,
      session_id: null,
      text: `Matrix learning ${id}`,
      show_org: 0,
      organisation_name: 'A',
      organisation_id: w.orgA,
      participant_id: null,
      hidden: 0,
      pinned: 0,
      merged_into: null,
      theme_id: null,
      visibility: vis(v),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, coalitionId: w.c1, owningOrganisationId: w.orgA, visibility: vis(v) };
}
/** What a create would make: a record of the actor's coalition and organisation. */
const createTarget = (w: World, who: WorldActor, v: Variant): RecordAccess =>
  who.actor.kind === 'user'
    ? {
        coalitionId: who.actor.coalitionId,
        owningOrganisationId: who.actor.organisationId,
        visibility: vis(v),
      }
    : { coalitionId: w.c1, owningOrganisationId: null, visibility: vis(v) };

/** The admin of the caller's coalition (the foreign admin's vocabulary is coalition 2's). */
const ownerOf = (w: World, who: WorldActor) =>
  who.name === 'foreignAdmin' ? w.actors.foreignAdmin : w.actors.admin;

/** A fresh factor in the caller's coalition, made by its admin. */
async function newFactor(w: World, who: WorldActor): Promise<string> {
  const r = await w.req(ownerOf(w, who), 'POST', '/api/factors', {
    kind: 'cause',
    labels: { en: `Matrix fixture ${Math.random()}` },
  });
  if (r.statusCode !== 201) throw new Error(`fixture factor: ${r.statusCode} ${r.body}`);
  return r.json<{ id: string }>().id;
}

/** A route on the caller's coalition's vocabulary: the `factor` rules decide on that coalition. */
function factorCase(
  url: (w: World, who: WorldActor) => Promise<string>,
  payload?: (w: World, who: WorldActor) => unknown,
): Case {
  return {
    varies: 'none',
    async prepare(w, who) {
      return {
        url: await url(w, who),
        ...(payload ? { payload: await payload(w, who) } : {}),
        record: {
          coalitionId: who.actor.kind === 'user' ? who.actor.coalitionId : w.c1,
          owningOrganisationId: null,
          visibility: 'coalition',
        },
      };
    },
  };
}

/** The parent event and the event the child id really belongs to. */
function parentAndChild(w: World, who: WorldActor, v: Variant) {
  const own = who.name === 'foreignAdmin' ? w.event2 : w.event1;
  const other = own === w.event1 ? w.event2 : w.event1;
  const child = 'parent' in v && v.parent === 'crossed' ? other : own;
  return { parent: own, child, records: [eventAccess(own), eventAccess(child)] };
}
/** A fresh event of the actor's coalition for writes that would spoil the shared one. */
async function freshEvent(w: World, who: WorldActor): Promise<WorldEvent> {
  return cloneEvent(w, who.name === 'foreignAdmin' ? 'c2' : 'c1');
}

const eventCase = (
  path: (e: WorldEvent) => string,
  payload?: (e: WorldEvent) => unknown,
  listedId = false,
): Case => ({
  varies: 'none',
  async prepare(w) {
    return {
      url: path(w.event1),
      payload: payload?.(w.event1),
      record: eventAccess(w.event1),
      ...(listedId ? { listed: w.event1.detail.id } : {}),
    };
  },
});

/** A child resource addressed through its parent event: own, or crossed with another coalition's. */
const childCase = (
  path: (parent: WorldEvent, child: WorldEvent) => string,
  opts: {
    payload?: (parent: WorldEvent, child: WorldEvent) => unknown;
    fresh?: boolean;
    business?: boolean;
  } = {},
): Case => ({
  varies: 'parent',
  async prepare(w, who, v) {
    let { parent, child, records } = parentAndChild(w, who, v);
    // Writes that would spoil the shared events get fresh ones (the crossed child's too: a hole
    // would otherwise delete the other coalition's shared session and skew later cases).
    if (opts.fresh) {
      const crossed = child !== parent;
      parent = await freshEvent(w, who);
      child = crossed ? await cloneEvent(w, parent.coalitionId === w.c1 ? 'c2' : 'c1') : parent;
      records = [eventAccess(parent), eventAccess(child)];
    }
    return {
      url: path(parent, child),
      payload: opts.payload?.(parent, child),
      records,
      businessRefusal: opts.business === true,
    };
  },
});

const plain = (url: string | ((w: World) => string), payload?: (w: World) => unknown): Case => ({
  varies: 'none',
  async prepare(w) {
    return { url: typeof url === 'string' ? url : url(w), payload: payload?.(w) };
  },
});

export const CASES: Record<string, Case> = {
  'GET /api/docs/': plain('/api/docs/'),
  'HEAD /api/docs': plain('/api/docs'),
  'GET /api/docs/static/index.html': plain('/api/docs/static/index.html'),
  'GET /api/docs/static/swagger-initializer.js': plain('/api/docs/static/swagger-initializer.js'),
  'GET /api/docs/json': plain('/api/docs/json'),
  'GET /api/docs/yaml': plain('/api/docs/yaml'),
  'GET /api/docs/static/*': plain('/api/docs/static/swagger-ui.css'),
  'GET /api/openapi.json': plain('/api/openapi.json'),
  'GET /api/health': plain('/api/health'),
  'GET /api/site': plain('/api/site'),
  // The first-run set-up is closed once an admin exists (the matrix world has one): 404 for everyone.
  'GET /api/setup': plain('/api/setup'),
  'POST /api/setup': plain('/api/setup', () => ({ token: 'x'.repeat(43) })),
  'POST /api/auth/login': plain('/api/auth/login', () => ({
    email: 'admin@demo.mosaic.test',
    password: 'mosaic-demo',
  })),
  // Logging out here would end the actor's session for the rest of the matrix: the logout case
  // sends no cookie (an open route answers everyone alike, which is what is checked).
  'POST /api/auth/logout': {
    varies: 'none',
    async prepare() {
      return { url: '/api/auth/logout', cookieless: true };
    },
  },
  'GET /api/auth/me': plain('/api/auth/me'),
  'PUT /api/auth/me/language': plain('/api/auth/me/language', () => ({ language: 'en' })),
  'GET /api/auth/demo': plain('/api/auth/demo'),
  'GET /api/places/countries': plain('/api/places/countries'),
  'GET /api/places/countries/:code/provinces': plain('/api/places/countries/TH/provinces'),
  'GET /api/gazetteer/search': plain('/api/gazetteer/search?q=bangkok'),
  'GET /api/gazetteer/places/:id': plain('/api/gazetteer/places/city:1609350'),
  'GET /api/gazetteer/point': plain('/api/gazetteer/point?lat=13.75&lon=100.5'),
  'GET /api/join/:code': plain((w) => `/api/join/${w.event1.detail.joinCode}`),
  'POST /api/join/:code/claim': plain(
    (w) => `/api/join/${w.event1.detail.joinCode}/claim`,
    (w) => ({ participantId: w.event1.participantId }),
  ),
  'POST /api/join/:code/register': plain(
    (w) => `/api/join/${w.event1.detail.joinCode}/register`,
    () => ({ name: 'Walk-in', organisation: 'Matrix', sector: 'ngo' }),
  ),
  'POST /api/join/rejoin': plain('/api/join/rejoin', () => ({ personalCode: 'ZZZZZZZZ' })),
  'POST /api/atlas/notes-check': plain('/api/atlas/notes-check', () => ({
    notes: 'met at the border',
  })),

  'GET /api/organisations': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await orgA(w, v);
      return {
        url: '/api/organisations?q=Matrix%20Organisation%20A&limit=200',
        record: r,
        listed: r.id,
      };
    },
  },
  'GET /api/organisations/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await orgA(w, v);
      return { url: `/api/organisations/${r.id}`, record: r };
    },
  },
  'POST /api/organisations': {
    varies: 'visibility',
    async prepare(w, who, v) {
      return {
        url: '/api/organisations',
        payload: { name: `Matrix new ${Math.random()}`, type: 'NGO', visibility: vis(v) },
        record: createTarget(w, who, v),
      };
    },
  },
  'POST /api/imports/organisations': {
    varies: 'visibility',
    async prepare(w, who, v) {
      return {
        url: '/api/imports/organisations',
        payload: { csv: `name,type,visibility\nMatrix import ${Math.random()},NGO,${vis(v)}\n` },
        record: createTarget(w, who, v),
      };
    },
  },
  'PATCH /api/organisations/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await orgA(w, v);
      return {
        url: `/api/organisations/${r.id}`,
        payload: { description: 'matrix edit' },
        record: r,
      };
    },
  },
  'DELETE /api/organisations/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await freshOrg(w, v);
      return { url: `/api/organisations/${r.id}`, record: r };
    },
  },

  'GET /api/atlas/routes': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await route(w, v, LISTED_ROUTE);
      return {
        url: `/api/atlas/routes?place=${LISTED_ROUTE.source}&limit=200`,
        record: r,
        listed: r.id,
      };
    },
  },
  'GET /api/atlas/routes/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await route(w, v);
      return { url: `/api/atlas/routes/${r.id}`, record: r };
    },
  },
  'POST /api/atlas/routes': {
    varies: 'visibility',
    async prepare(w, who, v) {
      return {
        url: '/api/atlas/routes',
        payload: { ...ROUTE, visibility: vis(v) },
        record: createTarget(w, who, v),
      };
    },
  },
  'PATCH /api/atlas/routes/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await route(w, v);
      return { url: `/api/atlas/routes/${r.id}`, payload: { notes: 'matrix edit' }, record: r };
    },
  },
  'DELETE /api/atlas/routes/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await route(w, v);
      return { url: `/api/atlas/routes/${r.id}`, record: r };
    },
  },
  'POST /api/imports/routes': {
    varies: 'visibility',
    async prepare(w, who, v) {
      const csv = `source,destination,forms,confidence,basis,visibility\ncity:1298824,city:1609350,ForcedLabour,likely,casework,${vis(v)}\n`;
      return {
        url: '/api/imports/routes',
        payload: { csv, dryRun: true },
        record: createTarget(w, who, v),
      };
    },
  },
  'GET /api/atlas/challenges': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await challenge(w, v);
      return { url: '/api/atlas/challenges?coalition=demo', record: r, listed: r.id };
    },
  },
  'POST /api/atlas/challenges': {
    varies: 'visibility',
    async prepare(w, who, v) {
      return {
        url: '/api/atlas/challenges',
        payload: { text: 'Matrix new challenge', visibility: vis(v) },
        record: createTarget(w, who, v),
      };
    },
  },
  'DELETE /api/atlas/challenges/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await challenge(w, v);
      return { url: `/api/atlas/challenges/${r.id}`, record: r };
    },
  },
  'GET /api/events/:eventId/learnings': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await learning(w, v);
      return { url: `/api/events/${w.event1.detail.id}/learnings`, record: r, listed: r.id };
    },
  },
  'GET /api/events/:eventId/learnings/suggestions': eventCase(
    (e) => `/api/events/${e.detail.id}/learnings/suggestions`,
  ),
  'GET /api/patterns': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await pattern(w, v, 'OrganRemoval');
      return { url: '/api/patterns?form=OrganRemoval&limit=200', record: r, listed: r.id };
    },
  },
  'GET /api/patterns/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await pattern(w, v);
      return { url: `/api/patterns/${r.id}`, record: r };
    },
  },
  'POST /api/patterns': {
    varies: 'visibility',
    async prepare(w, who, v) {
      return {
        url: '/api/patterns',
        payload: { ...PATTERN, visibility: vis(v) },
        record: createTarget(w, who, v),
      };
    },
  },
  'DELETE /api/patterns/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await pattern(w, v);
      return { url: `/api/patterns/${r.id}`, record: r };
    },
  },
  'POST /api/patterns/import': {
    varies: 'visibility',
    async prepare(w, who, v) {
      const csv =
        'form,paid,can_leave,indicators,recruitment,moved\nForcedLabour,full,yes,7,free,no\n';
      return {
        url: '/api/patterns/import',
        payload: { csv, dryRun: true, visibility: vis(v) },
        record: createTarget(w, who, v),
      };
    },
  },
  // Counts of the caller's own coalition's patterns, as far as they may read them: anyone signed
  // in gets their coalition's (which patterns count is the list's policy, tested above).
  // Open: the public distribution (public patterns only, small counts withheld), alike for everyone.
  'GET /api/patterns/distribution/public': plain('/api/patterns/distribution/public'),
  'GET /api/patterns/distribution': {
    varies: 'none',
    async prepare() {
      return { url: '/api/patterns/distribution', decide: (actor) => actor.kind === 'user' };
    },
  },
  'GET /api/commitments': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return { url: '/api/commitments?limit=500', record: r, listed: r.id };
    },
  },
  'GET /api/commitments/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return { url: `/api/commitments/${r.id}`, record: r };
    },
  },
  'POST /api/commitments': {
    varies: 'visibility',
    async prepare(w, who, v) {
      const actor = who.actor;
      const owner =
        who.name === 'foreignAdmin'
          ? await foreignOrg(w)
          : (actor.kind === 'user' && actor.organisationId) || w.orgA;
      return {
        url: '/api/commitments',
        payload: {
          title: 'Matrix new commitment',
          ownerOrganisationId: owner,
          targetDate: '2027-02-28',
          visibility: vis(v),
        },
        record: {
          coalitionId: actor.kind === 'user' ? actor.coalitionId : w.c1,
          owningOrganisationId: owner,
          visibility: vis(v),
        },
      };
    },
  },
  'PATCH /api/commitments/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return { url: `/api/commitments/${r.id}`, payload: { title: 'Matrix renamed' }, record: r };
    },
  },
  'POST /api/commitments/:id/updates': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return {
        url: `/api/commitments/${r.id}/updates`,
        payload: { status: 'in_progress', note: 'matrix' },
        record: r,
      };
    },
  },
  'POST /api/commitments/:id/links': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return {
        url: `/api/commitments/${r.id}/links`,
        payload: { links: [{ kind: 'gap', ref: 'TH-10|ForcedLabour' }] },
        record: r,
      };
    },
  },
  'DELETE /api/commitments/:id': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return { url: `/api/commitments/${r.id}`, record: r };
    },
  },
  // Counts of the caller's own coalition's commitments, as far as they may read them (which ones
  // count is the list's policy, tested above): anyone signed in.
  'GET /api/commitments/progress': {
    varies: 'none',
    async prepare() {
      return { url: '/api/commitments/progress', decide: (actor) => actor.kind === 'user' };
    },
  },
  'GET /api/commitments/follow-up': {
    varies: 'none',
    async prepare(w, who) {
      return { url: '/api/commitments/follow-up', record: followUpOfCaller(w, who) };
    },
  },
  'POST /api/commitments/follow-up/digest': {
    varies: 'none',
    async prepare(w, who) {
      return {
        url: '/api/commitments/follow-up/digest',
        payload: { dryRun: true },
        record: followUpOfCaller(w, who),
      };
    },
  },
  // Aggregates: everyone may read some atlas (its public view at least); what they count is the
  // canary scan's and the public-suppression tests' business.
  ...Object.fromEntries(
    ['map', 'flows', 'gaps', 'flows.geojson', 'stream'].map((p) => [
      `GET /api/atlas/${p}`,
      {
        varies: 'none',
        async prepare(w) {
          return {
            url: `/api/atlas/${p}?coalition=demo`,
            record: { coalitionId: w.c1, owningOrganisationId: null, visibility: 'public' },
          };
        },
      } satisfies Case,
    ]),
  ),

  // Overlap (issue 13): everyone reads some overlap (the public view at least); one event's
  // overlap and the cards behind a cell are the coalition's; publishing is coordinators' and admins'.
  'GET /api/overlap': {
    varies: 'none',
    async prepare(w) {
      return {
        url: '/api/overlap?coalition=demo',
        record: { coalitionId: w.c1, owningOrganisationId: null, visibility: 'public' },
      };
    },
  },
  'GET /api/events/:eventId/overlap': eventCase((e) => `/api/events/${e.detail.id}/overlap`),
  'GET /api/overlap/cards': eventCase(
    (e) => `/api/overlap/cards?factor=push.debt&event=${e.detail.id}`,
  ),
  'GET /api/overlap/stream': eventCase(() => '/api/overlap/stream?coalition=demo'),
  'PUT /api/events/:eventId/overlap/visibility': eventCase(
    (e) => `/api/events/${e.detail.id}/overlap/visibility`,
    () => ({ visibility: 'coalition' }),
  ),

  // The event report (issue 14): members read both versions; the all-sheets download is theirs.
  'GET /api/events/:eventId/report': eventCase(
    (e) => `/api/events/${e.detail.id}/report?view=public`,
  ),
  'GET /api/events/:eventId/report/sheets.csv': eventCase(
    (e) => `/api/events/${e.detail.id}/report/sheets.csv`,
  ),
  // Publishing: coordinators and admins publish the public version (`report` update); once
  // published, anyone reads it at its public address (`report` read, visibility public).
  'PUT /api/events/:eventId/report/publication': eventCase(
    (e) => `/api/events/${e.detail.id}/report/publication`,
    () => ({ published: false }),
  ),
  'GET /api/reports/:eventId': {
    varies: 'none',
    async prepare(w) {
      const url = `/api/events/${w.event1.detail.id}/report/publication`;
      const r = await w.req(w.actors.admin, 'PUT', url, { published: true });
      if (r.statusCode !== 200) throw new Error(`fixture publication: ${r.statusCode} ${r.body}`);
      return {
        url: `/api/reports/${w.event1.detail.id}`,
        record: { coalitionId: w.c1, owningOrganisationId: null, visibility: 'public' },
      };
    },
  },

  'GET /api/events': eventCase(() => '/api/events', undefined, true),
  'POST /api/events': {
    varies: 'none',
    async prepare(w, who) {
      return {
        url: '/api/events',
        payload: { name: 'Matrix event', startsOn: '2026-12-01', endsOn: '2026-12-01' },
        record: createTarget(w, who, { visibility: 'coalition' }),
      };
    },
  },
  'GET /api/events/:eventId': eventCase((e) => `/api/events/${e.detail.id}`),
  'PATCH /api/events/:eventId': eventCase(
    (e) => `/api/events/${e.detail.id}`,
    () => ({ venue: 'Matrix venue' }),
  ),
  'GET /api/events/:eventId/join-qr.svg': eventCase(
    (e) => `/api/events/${e.detail.id}/join-qr.svg`,
  ),
  'GET /api/events/:eventId/participants': eventCase(
    (e) => `/api/events/${e.detail.id}/participants`,
  ),
  'POST /api/events/:eventId/participants': eventCase(
    (e) => `/api/events/${e.detail.id}/participants`,
    () => ({ name: 'Matrix added', organisation: 'Matrix', sector: 'ngo' }),
  ),
  'POST /api/events/:eventId/participants/import': eventCase(
    (e) => `/api/events/${e.detail.id}/participants/import`,
    () => ({ csv: 'name,organisation,sector\nImported,Matrix,ngo\n', dryRun: true }),
  ),
  // Progress is per person and per import id: an id nobody started is "waiting" to everyone.
  'GET /api/imports/progress/:id': plain(() => `/api/imports/progress/${randomUUID()}`),
  'POST /api/imports/cards': eventCase(
    (e) => `/api/imports/cards?event=${e.detail.id}`,
    (e) => ({
      csv: `issue,kind,level,text\n${e.issueKey},cause,individual,Matrix card\n`,
      dryRun: true,
    }),
  ),
  'POST /api/events/:eventId/sessions': eventCase(
    (e) => `/api/events/${e.detail.id}/sessions`,
    () => ({ kind: 'groups', title: 'Matrix groups', rounds: 1, minutesPerRound: 10 }),
  ),
  'GET /api/live/:eventId': eventCase((e) => `/api/live/${e.detail.id}`),
  'PUT /api/events/:eventId/tables': {
    varies: 'none',
    async prepare(w, who) {
      const e = await freshEvent(w, who);
      return {
        url: `/api/events/${e.detail.id}/tables`,
        payload: { tables: [{ name: 'Matrix table', capacity: 6 }] },
        record: eventAccess(e),
      };
    },
  },
  'PUT /api/events/:eventId/tables/:tableId/host': childCase(
    (p, c) => `/api/events/${p.detail.id}/tables/${c.tableId}/host`,
    { payload: (_p, c) => ({ participantId: c.participantId }) },
  ),
  'DELETE /api/events/:eventId/sessions/:sessionId': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}`,
    { fresh: true },
  ),
  'POST /api/events/:eventId/sessions/:sessionId/plan': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}/plan`,
    { payload: () => ({ seed: 1, timeLimitSeconds: 0.1 }), fresh: true },
  ),
  'POST /api/events/:eventId/sessions/:sessionId/swap': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}` + '/swap',
    { payload: (_p, c) => ({ round: 0, a: c.participantId, b: c.participantId }), business: true },
  ),
  // Issue keys are the event's own words (the same defaults in every event), not record ids.
  'GET /api/events/:eventId/sheets/:issueKey': eventCase(
    (e) => `/api/events/${e.detail.id}/sheets/${e.issueKey}`,
  ),
  'GET /api/events/:eventId/cards/:cardId/history': childCase(
    (p, c) => `/api/events/${p.detail.id}/cards/${c.cardId}/history`,
  ),
  'GET /api/events/:eventId/cards/:cardId/factor/history': childCase(
    (p, c) => `/api/events/${p.detail.id}/cards/${c.cardId}/factor/history`,
  ),
  'PUT /api/events/:eventId/cards/:cardId/factor': childCase(
    (p, c) => `/api/events/${p.detail.id}/cards/${c.cardId}/factor`,
    { payload: () => ({ factor: 'push.poverty' }), business: true },
  ),
  'POST /api/events/:eventId/cards/:cardId/factor/undo': childCase(
    (p, c) => `/api/events/${p.detail.id}/cards/${c.cardId}/factor/undo`,
    { business: true },
  ),
  'GET /api/events/:eventId/factors/review': eventCase(
    (e) => `/api/events/${e.detail.id}/factors/review`,
  ),
  'PUT /api/events/:eventId/sessions/:sessionId/rules': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}/rules`,
    {
      payload: () => ({
        keepApart: { mode: 'soft', weight: 5 },
        crossSector: { mode: 'soft', weight: 1 },
        hosts: { mode: 'hard', weight: 5 },
      }),
      business: true,
    },
  ),

  'DELETE /api/events/:eventId/participants/:participantId': childCase(
    (p, c) => `/api/events/${p.detail.id}/participants/${c.participantId}`,
    { fresh: true },
  ),
  'GET /api/events/:eventId/sessions/:sessionId/plan/versions': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}/plan/versions`,
  ),
  'POST /api/events/:eventId/sessions/:sessionId/plan/versions/:version/restore': {
    varies: 'parent',
    async prepare(w, who, v) {
      const own = await freshEvent(w, who);
      const crossed = 'parent' in v && v.parent === 'crossed';
      const child = crossed ? await cloneEvent(w, own.coalitionId === w.c1 ? 'c2' : 'c1') : own;
      // A version to restore: the child's session planned by its own coalition's admin.
      const admin = child.coalitionId === w.c1 ? w.actors.admin : w.actors.foreignAdmin;
      const planned = await w.req(
        admin,
        'POST',
        `/api/events/${child.detail.id}/sessions/${child.sessionId}/plan`,
        { seed: 1, timeLimitSeconds: 0.1 },
      );
      if (planned.statusCode !== 200)
        throw new Error(`plan: ${planned.statusCode} ${planned.body}`);
      return {
        url: `/api/events/${own.detail.id}/sessions/${child.sessionId}/plan/versions/1/restore`,
        records: [eventAccess(own), eventAccess(child)],
        businessRefusal: true,
      };
    },
  },
  'GET /api/events/:eventId/sessions/:sessionId/plan': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}/plan`,
  ),
  'DELETE /api/events/:eventId/sessions/:sessionId/plan': childCase(
    (p, c) => `/api/events/${p.detail.id}/sessions/${c.sessionId}/plan`,
    { fresh: true, business: true },
  ),

  // The factor vocabulary: always the caller's own coalition's (no URL names another).
  'GET /api/factors': factorCase(async () => '/api/factors'),
  'POST /api/factors': factorCase(
    async () => '/api/factors',
    () => ({
      kind: 'cause',
      labels: { en: `Matrix factor ${Math.random()}` },
    }),
  ),
  'PATCH /api/factors/:factorId': factorCase(
    async (w, who) => `/api/factors/${await newFactor(w, who)}`,
    () => ({
      labels: { th: 'ปัจจัยทดสอบ' },
    }),
  ),
  'POST /api/factors/:factorId/merge': factorCase(
    async (w, who) => `/api/factors/${await newFactor(w, who)}/merge`,
    async (w, who) => ({ into: await newFactor(w, who) }),
  ),
  'POST /api/factors/:factorId/split': factorCase(
    async (w, who) => `/api/factors/${await newFactor(w, who)}/split`,
    () => ({ parts: [{ labels: { en: `Matrix part ${Math.random()}` }, cards: [] }] }),
  ),
  'POST /api/factors/:factorId/retire': factorCase(
    async (w, who) => `/api/factors/${await newFactor(w, who)}/retire`,
  ),
  'POST /api/factors/:factorId/restore': factorCase(async (w, who) => {
    const id = await newFactor(w, who);
    const r = await w.req(ownerOf(w, who), 'POST', `/api/factors/${id}/retire`);
    if (r.statusCode !== 200) throw new Error(`fixture retire: ${r.statusCode} ${r.body}`);
    return `/api/factors/${id}/restore`;
  }),

  // Members: the `member` rules and ROLE_GRANTS decide, through mayManageMember.
  'GET /api/members': {
    varies: 'none',
    async prepare(w) {
      const target = { coalitionId: w.c1, role: 'member' as const };
      return {
        url: '/api/members',
        listed: (w.actors.memberB.actor as { userId: string }).userId,
        decide: (a) => mayManageMember(a, 'read', target),
      };
    },
  },
  'PATCH /api/members/:userId': {
    varies: 'none',
    async prepare(w) {
      const id = await freshMember(w, 'member');
      const target = { coalitionId: w.c1, role: 'member' as const };
      return {
        url: `/api/members/${id}`,
        payload: { role: 'viewer' },
        decide: (a) => mayManageMember(a, 'update', target, 'viewer'),
      };
    },
  },
  'DELETE /api/members/:userId': {
    varies: 'none',
    async prepare(w) {
      const id = await freshMember(w, 'member');
      const target = { coalitionId: w.c1, role: 'member' as const };
      return { url: `/api/members/${id}`, decide: (a) => mayManageMember(a, 'delete', target) };
    },
  },
  'POST /api/invitations': {
    varies: 'none',
    async prepare() {
      return {
        url: '/api/invitations',
        payload: {
          email: `invitee${Math.random().toString(36).slice(2)}@test.mosaic.test`,
          role: 'member',
        },
        // An invitation goes to the inviter's own coalition.
        decide: (a) =>
          a.kind === 'user' &&
          mayManageMember(a, 'create', { coalitionId: a.coalitionId, role: 'member' }),
      };
    },
  },
  'DELETE /api/invitations/:invitationId': {
    varies: 'none',
    async prepare(w) {
      const r = await w.req(w.actors.admin, 'POST', '/api/invitations', {
        email: `invitee${Math.random().toString(36).slice(2)}@test.mosaic.test`,
        role: 'member',
      });
      if (r.statusCode !== 201) throw new Error(`invitation: ${r.statusCode} ${r.body}`);
      const id = r.json<{ invitation: { id: string } }>().invitation.id;
      const target = { coalitionId: w.c1, role: 'member' as const };
      return { url: `/api/invitations/${id}`, decide: (a) => mayManageMember(a, 'delete', target) };
    },
  },
  'POST /api/invitations/preview': plain('/api/invitations/preview', () => ({
    token: 'x'.repeat(40),
  })),
  'POST /api/invitations/accept': plain('/api/invitations/accept', () => ({
    token: 'x'.repeat(40),
    password: 'a long enough password',
  })),
  'POST /api/auth/reset/request': plain('/api/auth/reset/request', () => ({
    email: 'nobody@test.mosaic.test',
  })),
  'POST /api/auth/reset/complete': plain('/api/auth/reset/complete', () => ({
    token: 'x'.repeat(40),
    password: 'a long enough password',
  })),
  'GET /api/auth/second-factor': plain('/api/auth/second-factor'),
  // Setting up a second factor changes nothing until it is confirmed with a code from the app.
  'POST /api/auth/second-factor/setup': plain('/api/auth/second-factor/setup'),
  'POST /api/auth/second-factor/confirm': {
    varies: 'none',
    async prepare() {
      return {
        url: '/api/auth/second-factor/confirm',
        payload: { code: '000000' },
        businessRefusal: true,
      };
    },
  },
  'POST /api/auth/second-factor/disable': {
    varies: 'none',
    async prepare() {
      return {
        url: '/api/auth/second-factor/disable',
        payload: { code: '000000' },
        businessRefusal: true,
      };
    },
  },
  // Exports (issue 14): of the demo coalition (c1) by name, so a foreign reader gets its public
  // view; `listed` is the record's id in the JSON export.
  'GET /api/exports/organisations': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await orgA(w, v);
      return {
        url: '/api/exports/organisations?format=json&coalition=demo',
        record: r,
        listed: r.id,
      };
    },
  },
  'GET /api/exports/places': plainExport('places'),
  'GET /api/exports/flows': plainExport('flows'),
  'GET /api/exports/learnings': plainExport('learnings'),
  'GET /api/exports/routes': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await route(w, v);
      return { url: '/api/exports/routes?format=json&coalition=demo', record: r, listed: r.id };
    },
  },
  'GET /api/exports/events': eventCase(
    () => '/api/exports/events?format=json&coalition=demo',
    undefined,
    true,
  ),
  'GET /api/exports/participants': {
    varies: 'none',
    async prepare(w) {
      return {
        url: '/api/exports/participants?format=json&coalition=demo',
        record: eventAccess(w.event1),
        listed: w.event1.participantId,
      };
    },
  },
  'GET /api/exports/cards': eventCase(() => '/api/exports/cards?format=json&coalition=demo'),
  'GET /api/exports/factors': factorCase(async () => '/api/exports/factors?format=json'),
  'GET /api/exports/commitments': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await commitment(w, v);
      return {
        url: '/api/exports/commitments?format=json&coalition=demo',
        record: r,
        listed: r.id,
      };
    },
  },
  'GET /api/exports/patterns': {
    varies: 'visibility',
    async prepare(w, _who, v) {
      const r = await pattern(w, v);
      return { url: '/api/exports/patterns?format=json&coalition=demo', record: r, listed: r.id };
    },
  },
};

/** An export of aggregates or public records: a public record of c1 stands for what it needs. */
function plainExport(name: string): Case {
  return {
    varies: 'none',
    async prepare(w) {
      return {
        url: `/api/exports/${name}?format=json&coalition=demo`,
        record: { coalitionId: w.c1, owningOrganisationId: null, visibility: 'public' },
      };
    },
  };
}
