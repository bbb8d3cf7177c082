/**
 * The overlap answers (issue 13): which events a reader may count, the per-event tallies of
 * confirmed cards, and the domain's matrices, similarity and network on top.
 *
 * Caching: an event's tallies are kept under its stamp (assignment entries so far and the live
 * room's sequence number, both read in one query with the coalition's events on every request),
 * so after an assignment only that event is counted again; a whole answer is kept under the
 * stamps of the events it counts plus the factors' and the filters'. Nothing is served after a
 * write has committed, whichever process made it: the stamps come from the database.
 */
import { createHash } from 'node:crypto';
import type { OverlapAnswer, OverlapView } from '../../../contract/overlap.ts';
import type { Count } from '../../../contract/atlas.ts';
import {
  computeOverlap,
  type Figure,
  type Overlap,
  type OverlapFactor,
  type OverlapIssue,
  type OverlapKind,
  type OverlapTally,
} from '../../../domain/analysis/overlap.ts';
import { presentCount } from '../../../domain/analysis/release.ts';
import { DEFAULT_FACTORS } from '../../../domain/factors/vocabulary.ts';
import { can, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { readerCoalition } from '../../db/repos/accounts.ts';
import { listCoalitionFactors } from '../../db/repos/factors.ts';
import {
  eventTallies,
  overlapStamps,
  type EventTally,
  type OverlapStamp,
} from '../../db/repos/overlap.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { fromJson } from '../../db/json.ts';

export interface OverlapReader {
  coalitionId: string;
  /** Public view: published events only, combined; counts below k withheld. */
  isPublic: boolean;
  k: number;
}

export interface OverlapFilters {
  level?: string | undefined;
  events?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The coalition named by `slug` (or the reader's own) and whether the reader sees its coalition view. */
export async function overlapReader(
  ctx: AppContext,
  actor: Actor,
  view: 'coalition' | 'public',
  slug: string | undefined,
): Promise<OverlapReader> {
  const coalition = await readerCoalition(ctx.db, actor, slug);
  if (!coalition) throw notFound('coalition');
  const shared = can(actor, 'read', 'overlap', {
    coalitionId: coalition.id,
    owningOrganisationId: null,
    visibility: 'coalition',
  });
  return {
    coalitionId: coalition.id,
    isPublic: view === 'public' || !shared,
    k: coalition.suppressionK,
  };
}

const present = (f: Figure, k: number | null): Count => presentCount(f, k);

function presentView(o: Overlap, k: number | null): OverlapView {
  const matrix = (m: Overlap['byIssue']) => ({
    axis: m.axis,
    columns: m.columns.map((c) => ({ ...c, total: present(c.total, k) })),
    rows: m.rows.map((r) => ({
      factor: r.factor,
      label: r.label,
      total: present(r.total, k),
      cells: Object.fromEntries(Object.entries(r.cells).map(([c, f]) => [c, present(f, k)])),
      spread: r.spread,
    })),
    total: present(m.total, k),
  });
  return {
    byIssue: matrix(o.byIssue),
    byForm: matrix(o.byForm),
    sharedByForms: o.sharedByForms.map((s) => ({ ...s, total: present(s.total, k) })),
    similarity: o.similarity,
    network: {
      forms: o.network.forms.map((f) => ({ ...f, total: present(f.total, k) })),
      factors: o.network.factors,
      links: o.network.links.map((l) => ({ ...l, n: present(l.n, k) })),
    },
  };
}

function issuesOf(stamp: OverlapStamp): OverlapIssue[] {
  return fromJson(stamp.issues).map((i) => ({
    eventId: stamp.eventId,
    key: i.key,
    label: i.label,
    forms: i.forms ?? [],
  }));
}

const MAX_ANSWERS = 200;

/** A digest of everything an answer over these events depends on. */
function versionOf(
  events: OverlapStamp[],
  factors: { id: string; label: string; status: string; updatedAt: string }[],
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        events.map((e) => [e.eventId, e.version, e.seq, e.updatedAt, e.visibility]),
        factors.map((f) => [f.id, f.label, f.status, f.updatedAt]),
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
}

/**
 * The coalition's overlap version as members see it: it changes with every assignment, card
 * change, event change or factor change of any of its events (the stream compares it).
 */
export async function coalitionOverlapVersion(
  ctx: AppContext,
  coalitionId: string,
): Promise<string> {
  const [stamps, factors] = await Promise.all([
    overlapStamps(ctx.db, coalitionId),
    listCoalitionFactors(ctx.db, coalitionId),
  ]);
  return versionOf(
    stamps,
    factors.map((f) => ({
      id: f.factor_id,
      label: f.label,
      status: f.status,
      updatedAt: f.updated_at,
    })),
  );
}

export class OverlapService {
  private readonly tallies = new Map<string, { stamp: string; rows: EventTally[] }>();
  private readonly answers = new Map<string, { version: string; value: OverlapAnswer }>();
  hits = 0;
  misses = 0;

  constructor(private readonly ctx: AppContext) {}

  /**
   * The overlap of the coalition's events the reader may count. `scope: 'event'` names one event
   * (coalition view only). Public view: every published event together, no filters — two filtered
   * public answers could be subtracted to reveal a withheld count (docs/overlap.md).
   */
  async answer(
    reader: OverlapReader,
    scope: 'event' | 'coalition',
    filters: OverlapFilters,
  ): Promise<OverlapAnswer> {
    if (reader.isPublic) {
      const named = (['level', 'events', 'from', 'to'] as const).filter(
        (f) => filters[f] !== undefined,
      );
      if (named.length)
        throw invalid(
          named.map((f) => ({
            field: f === 'events' ? 'event' : f,
            message:
              'the public view combines every published event and takes no filters (two filtered answers could be subtracted)',
          })),
        );
    }
    const [stamps, factorRows] = await Promise.all([
      overlapStamps(this.ctx.db, reader.coalitionId),
      listCoalitionFactors(this.ctx.db, reader.coalitionId),
    ]);
    const wanted = filters.events ? new Set(filters.events) : null;
    const events = stamps.filter(
      (s) =>
        (!reader.isPublic || s.visibility === 'public') &&
        (!wanted || wanted.has(s.eventId)) &&
        (!filters.from || s.startsOn >= filters.from) &&
        (!filters.to || s.startsOn <= filters.to),
    );
    const factors: (OverlapFactor & { status: string; updatedAt: string })[] = factorRows.length
      ? factorRows.map((f) => ({
          id: f.factor_id,
          kind: f.kind,
          label: f.label,
          status: f.status,
          updatedAt: f.updated_at,
        }))
      : DEFAULT_FACTORS.map((f) => ({ ...f, status: 'active', updatedAt: '' }));
    const k = reader.isPublic ? reader.k : null;
    const key = JSON.stringify([reader.coalitionId, scope, k, filters]);
    const version = versionOf(events, factors);
    const hit = this.answers.get(key);
    if (hit && hit.version === version) {
      this.answers.delete(key);
      this.answers.set(key, hit);
      this.hits++;
      return hit.value;
    }
    this.misses++;
    const tallies: Record<OverlapKind, OverlapTally[]> = { cause: [], consequence: [] };
    for (const e of events) {
      for (const t of await this.eventTallies(e)) {
        if (filters.level && t.level !== filters.level) continue;
        if (t.kind !== 'cause' && t.kind !== 'consequence') continue;
        tallies[t.kind].push({
          eventId: e.eventId,
          issue: t.issue,
          level: t.level,
          factor: t.factor,
          n: t.n,
        });
      }
    }
    const rows = factors.filter((f) => f.status !== 'merged');
    const issues = events.flatMap(issuesOf);
    const view = (kind: OverlapKind) =>
      presentView(
        computeOverlap(tallies[kind], {
          kind,
          factors: rows,
          issues,
          ...(k !== null && { k }),
        }),
        k,
      );
    const value: OverlapAnswer = {
      scope,
      view: reader.isPublic ? 'public' : 'coalition',
      k,
      events: events.map((e) => ({ id: e.eventId, name: e.name, startsOn: e.startsOn })),
      cause: view('cause'),
      consequence: view('consequence'),
      version,
    };
    this.answers.delete(key);
    this.answers.set(key, { version, value });
    for (const old of this.answers.keys()) {
      if (this.answers.size <= MAX_ANSWERS) break;
      this.answers.delete(old);
    }
    return value;
  }

  private async eventTallies(e: OverlapStamp): Promise<EventTally[]> {
    const stamp = `${e.version}|${e.seq}`;
    const hit = this.tallies.get(e.eventId);
    if (hit && hit.stamp === stamp) return hit.rows;
    const rows = await eventTallies(this.ctx.db, e.eventId);
    this.tallies.set(e.eventId, { stamp, rows });
    return rows;
  }
}
