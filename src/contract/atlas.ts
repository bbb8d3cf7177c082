import { z } from 'zod';
import { FORMS_OF_EXPLOITATION, KINDS_OF_WORK, LABOUR_SECTORS, POPULATIONS } from './vocab.ts';
import { ErrorBody, Paged, VisibilitySchema, coded, format, text } from './common.ts';
import { PlaceId, PlaceItem } from './gazetteer.ts';

export const CONFIDENCES = ['confirmed', 'likely', 'suspected'] as const;
export const BASES = ['casework', 'hotline', 'research', 'media', 'fieldObservation'] as const;
export const Confidence = z.enum(CONFIDENCES);
export const Basis = z.enum(BASES);
export type Confidence = z.infer<typeof Confidence>;
export type Basis = z.infer<typeof Basis>;
export const Form = z.enum(FORMS_OF_EXPLOITATION);
export const Sector = z.enum(LABOUR_SECTORS);
export const RoutePopulation = z.enum(POPULATIONS);
export const Kind = z.enum(KINDS_OF_WORK);

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .refine((xs) => new Set(xs).size === xs.length, coded('duplicate', 'must not repeat an entry'));

const year = z
  .number()
  .int()
  .min(1950, 'must be 1950 or later')
  .max(2100, 'must be 2100 or earlier');

export const TransitInput = z.object({
  place: PlaceId,
  borderCrossing: z.boolean().default(false),
});

/**
 * A route is a PATTERN identified by an organisation, never a case about a person: no names, no
 * phone numbers, no dates of a particular journey. Notes are checked and warned about (not refused).
 */
const routeFields = {
  source: PlaceId,
  transits: z.array(TransitInput).max(12, 'must have at most 12 transit points'),
  destination: PlaceId,
  forms: uniqueList(Form, FORMS_OF_EXPLOITATION.length).min(1, 'must name at least one form'),
  sectors: uniqueList(Sector, LABOUR_SECTORS.length),
  populations: uniqueList(RoutePopulation, POPULATIONS.length),
  yearFrom: year.nullable(),
  yearTo: year.nullable(),
  confidence: Confidence,
  basis: Basis,
  notes: text(2000),
  visibility: VisibilitySchema,
  /** The reporting organisation. Members always report as their own; coordinators may choose. */
  organisationId: z.string().uuid().nullable(),
  /**
   * Notes that look like personal data (a name, a phone number, an e-mail address) are refused
   * with 422 `personal_data_in_notes` unless a coordinator or admin confirms, with `true` here,
   * that they checked them and they identify nobody.
   */
  confirmNotes: z.boolean(),
};

export const RouteCreate = z
  .object({
    ...routeFields,
    transits: routeFields.transits.default([]),
    sectors: routeFields.sectors.default([]),
    populations: routeFields.populations.default([]),
    yearFrom: routeFields.yearFrom.default(null),
    yearTo: routeFields.yearTo.default(null),
    notes: routeFields.notes.default(''),
    visibility: routeFields.visibility.default('coalition'),
    organisationId: routeFields.organisationId.optional(),
    confirmNotes: routeFields.confirmNotes.optional(),
  })
  .strict();
export type RouteCreate = z.infer<typeof RouteCreate>;
export type RouteDraft = z.input<typeof RouteCreate>;

export const RouteUpdate = z
  .object({
    ...routeFields,
    /**
     * The route's version the change was made against (as read): a route changed since is not
     * overwritten but answered 409 (`version_conflict`). An `If-Match` header may say it instead.
     */
    version: z.number().int().min(1),
    /** A coordinator or admin validates a route added from a phone during a mapping session. */
    reviewed: z.literal(true),
  })
  .partial()
  .strict();
export type RouteUpdate = z.infer<typeof RouteUpdate>;

export const RouteStop = z.object({
  role: z.enum(['source', 'transit', 'destination']),
  borderCrossing: z.boolean(),
  place: PlaceItem,
});

export const NoteWarning = z.object({
  kind: z.enum(['phone', 'name', 'email']),
  excerpt: z.string(),
  message: z.string(),
});
export type NoteWarning = z.infer<typeof NoteWarning>;

export const Route = z
  .object({
    id: z.string(),
    stops: z.array(RouteStop),
    forms: z.array(Form),
    sectors: z.array(Sector),
    populations: z.array(RoutePopulation),
    yearFrom: z.number().int().nullable(),
    yearTo: z.number().int().nullable(),
    confidence: Confidence,
    basis: Basis,
    notes: z.string(),
    visibility: VisibilitySchema,
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Counts the route's changes: send it back with a PATCH (or If-Match) to refuse lost updates. */
    version: z.number().int(),
    /** `validate`: may mark a route added from a phone as validated (coordinators, admins). */
    can: z.object({ update: z.boolean(), delete: z.boolean(), validate: z.boolean() }),
    /** Non-blocking: what in the notes looks like it could identify a person. */
    warnings: z.array(NoteWarning),
    /**
     * Added from a phone during a mapping session (the event; coordinators and admins also see
     * the participant, for validation), or null.
     */
    reportedIn: z.object({ eventId: z.string(), participantId: z.string().nullable() }).nullable(),
    /** Added from a phone and not yet validated by a coordinator (PATCH `reviewed: true`). */
    pendingReview: z.boolean(),
  })
  .meta({ id: 'Route' });
export type Route = z.infer<typeof Route>;

/** 409: the route changed since the version a PATCH was made against. */
export const VersionConflict = ErrorBody.extend({ currentVersion: z.number().int() }).meta({
  id: 'VersionConflict',
});
export type VersionConflict = z.infer<typeof VersionConflict>;

export const RouteParams = z.object({ id: z.string().uuid('must be a route id') });

/** Filters shared by the map, the list, flows and gaps. Lists in the query are comma-separated. */
const confidenceList = z
  .string()
  .max(100)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(Confidence));

export const AtlasFilters = z.object({
  form: Form.optional(),
  sector: Sector.optional(),
  population: RoutePopulation.optional(),
  confidence: confidenceList.optional(),
  yearFrom: z.coerce.number().int().min(1950).max(2100).optional(),
  yearTo: z.coerce.number().int().min(1950).max(2100).optional(),
  place: PlaceId.optional(),
  /** `public`: what an anonymous visitor sees (public routes only, small counts suppressed). */
  view: z.enum(['coalition', 'public']).default('coalition'),
  /** Whose atlas (coalition slug); signed-in readers default to their own coalition. */
  coalition: z
    .string()
    .regex(format(/^[a-z0-9-]{1,60}$/, 'slug'), 'must be a coalition slug')
    .optional(),
});
export type AtlasFilters = z.infer<typeof AtlasFilters>;

export const RouteListQuery = AtlasFilters.omit({ view: true, coalition: true }).extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  mine: z.enum(['1', '0']).optional(),
  /** `1`: only routes added from phones that wait for a coordinator's validation. */
  pending: z.enum(['1', '0']).optional(),
});
export const RouteList = Paged(Route);
export type RouteList = z.infer<typeof RouteList>;

/** Public views: a count published only as a range, `lo` to `hi` routes. */
export const CountRange = z.object({
  lo: z.number().int().nonnegative(),
  hi: z.number().int().nonnegative(),
});
export type CountRange = z.infer<typeof CountRange>;
/**
 * A count. Coalition views: always exact. Public views (docs/security.md, "public"): exact, `null`
 * when withheld (fewer than k), or a range where an exact figure would let a withheld one be
 * narrowed down, or a total includes withheld parts.
 */
export const Count = z.union([z.number().int().nonnegative(), z.null(), CountRange]);
export type Count = z.infer<typeof Count>;

export const MapFlow = z.object({
  source: PlaceItem,
  destination: PlaceItem,
  /** Transit places seen on these routes, most frequent first (at most 5). None in public views. */
  via: z.array(z.object({ place: PlaceItem, borderCrossing: z.boolean(), n: z.number().int() })),
  n: Count,
  forms: z.array(z.object({ form: Form, n: z.number().int() })),
});
export const MapRegion = z.object({
  country: z.string(),
  /** ISO 3166-1 numeric code: how the shipped boundaries (Natural Earth) name countries. */
  numeric: z.string(),
  name: z.string(),
  outflow: Count,
  inflow: Count,
});
export const Footprint = z.object({
  country: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  organisations: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
});
export const AtlasMap = z.object({
  /** Changes when what this reader sees changes (public views: only when public figures change). */
  version: z.number().int(),
  view: z.enum(['coalition', 'public']),
  k: z.number().int(),
  routes: Count,
  flows: z.array(MapFlow),
  regions: z.array(MapRegion),
  footprints: z.array(Footprint),
});
export type AtlasMap = z.infer<typeof AtlasMap>;
export type MapFlow = z.infer<typeof MapFlow>;
export const MapQuery = AtlasFilters.extend({ kind: Kind.optional() });

export const FlowsQuery = AtlasFilters.extend({
  level: z.enum(['country', 'province']).default('country'),
  /** Keep only the `top` origins and the `top` destinations with most routes (and their cells). */
  top: z.coerce.number().int().min(1).max(500).optional(),
  /** `none`: nodes and totals only (e.g. to shade regions), no cells. */
  cells: z.enum(['all', 'none']).default('all'),
});
export const FlowNode = z.object({ id: z.string(), name: z.string(), countryCode: z.string() });
export const FlowMatrix = z
  .object({
    level: z.enum(['country', 'province']),
    view: z.enum(['coalition', 'public']),
    k: z.number().int(),
    origins: z.array(FlowNode),
    destinations: z.array(FlowNode),
    cells: z.array(z.object({ origin: z.string(), destination: z.string(), n: Count })),
    originTotals: z.record(z.string(), Count),
    destinationTotals: z.record(z.string(), Count),
    total: Count,
    suppressedCells: z.number().int(),
    /** What `top` left out of this answer (the totals above still count everything). */
    omitted: z.object({
      origins: z.number().int(),
      destinations: z.number().int(),
      cells: z.number().int(),
    }),
  })
  .meta({ id: 'FlowMatrix' });
export type FlowMatrix = z.infer<typeof FlowMatrix>;

const weight = z.coerce.number().min(0).max(10);
export const GapsQuery = AtlasFilters.omit({ place: true }).extend({
  level: z.enum(['country', 'province', 'city']).default('province'),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  wSource: weight.default(1),
  wTransit: weight.default(0.5),
  wDestination: weight.default(1),
  wPrevention: weight.default(1),
  wProtection: weight.default(1),
  wProsecution: weight.default(1),
  wPolicy: weight.default(0.5),
  wResearch: weight.default(0.25),
  wCoordination: weight.default(0.25),
  minRoutes: z.coerce.number().int().min(1).max(1000).default(1),
});
export type GapsQuery = z.infer<typeof GapsQuery>;

export const Gap = z.object({
  place: z.object({ id: z.string(), name: z.string(), kind: z.string(), countryCode: z.string() }),
  form: Form,
  source: Count,
  transit: Count,
  destination: Count,
  organisations: z.number().int(),
  coverage: z.array(z.object({ kind: Kind, organisations: z.number().int() })),
  missing: z.array(Kind),
  score: z.number(),
  /** The gap in plain English words; the web app words it in the reader's language itself. */
  summary: z.string(),
});
export type Gap = z.infer<typeof Gap>;
export const GapList = z.object({
  view: z.enum(['coalition', 'public']),
  k: z.number().int(),
  rule: z.string(),
  weights: z.record(z.string(), z.number()),
  items: z.array(Gap),
});
export type GapList = z.infer<typeof GapList>;

export const ChallengeCreate = z
  .object({
    text: text(1000, 1),
    place: PlaceId.nullable().default(null),
    form: Form.nullable().default(null),
    visibility: VisibilitySchema.default('coalition'),
    organisationId: z.string().uuid().nullable().optional(),
  })
  .strict();
export type ChallengeCreate = z.infer<typeof ChallengeCreate>;
export const Challenge = z.object({
  id: z.string(),
  text: z.string(),
  place: PlaceItem.nullable(),
  form: Form.nullable(),
  visibility: VisibilitySchema,
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  can: z.object({ delete: z.boolean() }),
});
export type Challenge = z.infer<typeof Challenge>;
export const ChallengeList = z.object({ items: z.array(Challenge) });
export const ChallengeQuery = AtlasFilters.pick({ form: true, view: true, coalition: true });

export const NotesCheck = z.object({ notes: z.string().max(2000) }).strict();
export const NotesCheckResult = z.object({ warnings: z.array(NoteWarning) });

export const FlowsGeoJson = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({
          type: z.literal('LineString'),
          coordinates: z.array(z.tuple([z.number(), z.number()])),
        }),
        properties: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      }),
    ),
  })
  .meta({ id: 'FlowsGeoJson' });

/**
 * A route a participant adds from their phone during a mapping session (intent `addRoute`). It is
 * attributed to their organisation, visible to that organisation and the coalition's coordinators
 * only, and waits for a coordinator's validation. `routeId` is made by the phone (ROUTE-1 in
 * docs/sync-spec.md): the same key from the same participant is one route, however often it
 * arrives.
 */
export const PhoneRouteFields = {
  routeId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  source: PlaceId,
  transits: z.array(TransitInput).max(12, 'must have at most 12 transit points').default([]),
  destination: PlaceId,
  forms: uniqueList(Form, FORMS_OF_EXPLOITATION.length).min(1, 'must name at least one form'),
  notes: text(2000).default(''),
};
