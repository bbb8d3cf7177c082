import type { Basis, Confidence } from '../../contract/atlas.ts';
import type { FormOfExploitation, Visibility } from '../../domain/taxonomy/codes.ts';

export type StopRole = 'source' | 'transit' | 'destination';
export type RouteFacet = 'form' | 'sector' | 'population';

/** The atlas's tables (migrations 0003 and 0005): routes, their stops and facets, challenges, and the
 * pre-aggregated counts that flows and gaps read. */
export interface AtlasTables {
  routes: RouteTable;
  route_stops: RouteStopTable;
  route_facets: RouteFacetTable;
  atlas_flow_counts: FlowCountTable;
  atlas_place_counts: PlaceCountTable;
  atlas_versions: AtlasVersionTable;
  challenges: ChallengeTable;
}

export interface RouteTable {
  id: string;
  coalition_id: string;
  /** The reporting organisation: owner for the policy table, never shown in public views. */
  organisation_id: string | null;
  source_place: string;
  destination_place: string;
  confidence: Confidence;
  basis: Basis;
  year_from: number | null;
  year_to: number | null;
  notes: string;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Added from a phone during this event’s mapping session (0018); null otherwise. */
  event_id: string | null;
  /** The participant whose phone added it, kept for validation (coordinators only). */
  participant_id: string | null;
  /** 1 until a coordinator validates a route added from a phone. */
  pending_review: number;
}

/** Source (position 0), transits, destination (last), each resolved against the gazetteer once. */
export interface RouteStopTable {
  route_id: string;
  position: number;
  role: StopRole;
  place_id: string;
  country: string;
  province: string | null;
  border_crossing: number;
}

export interface RouteFacetTable {
  route_id: string;
  facet: RouteFacet;
  code: string;
}

/**
 * Routes counted by origin → destination at one level (country | province | city), per form
 * (`*` = any form, counting each route once) and per audience bucket: `visibility`, with
 * `organisation_id` set only for organisation-only routes ('' otherwise), so that the policy's
 * scopes become a WHERE clause on a few thousand rows rather than a scan of every route.
 * Maintained inside the same transaction as every route write.
 */
export interface FlowCountTable {
  coalition_id: string;
  level: string;
  form: string;
  origin: string;
  destination: string;
  visibility: string;
  organisation_id: string;
  n: number;
}

/**
 * Routes touching a place (at each level of its lineage) per form and audience bucket, one column
 * per role: starting there, passing through, ending there (migration 0005).
 */
export interface PlaceCountTable {
  coalition_id: string;
  level: string;
  visibility: string;
  organisation_id: string;
  place_id: string;
  form: string;
  source: number;
  transit: number;
  destination: number;
}

/** Route writes per coalition, bumped with the summaries: the key of cached aggregate answers. */
export interface AtlasVersionTable {
  coalition_id: string;
  version: number;
}

export interface ChallengeTable {
  id: string;
  coalition_id: string;
  organisation_id: string | null;
  text: string;
  place_id: string | null;
  form: FormOfExploitation | null;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
}
