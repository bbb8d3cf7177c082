/**
 * Planning jobs: each runs the scheduling engine in its own worker thread, so a 60-second plan
 * never stops the event loop (rounds' timers, phones' intents, every other room). One job per
 * session at a time: a newer request for the same session, or the facilitator's cancel, terminates
 * the older worker at once. A job that overruns its deadline is terminated too and fails with
 * `PlanStopped('timed_out')`; the solver itself returns its best plan when its own time limit runs
 * out, so the deadline only catches a phase that cannot stop early.
 *
 * Jobs live in the process that started them: progress and cancel reach them there.
 */
import { Worker } from 'node:worker_threads';
import type { PlanningInput, PlanningResult, SessionReplanInput } from './engine.ts';
import { PlanningError } from './engine.ts';
import type { PlanJobMessage, PlanJobRequest } from './protocol.ts';

export type StopReason = 'cancelled' | 'superseded' | 'timed_out' | 'busy' | 'shutdown';

/** A job that ended without a plan, and why. */
export class PlanStopped extends Error {
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
  }
}

export interface JobProgress {
  kind: PlanJobRequest['kind'];
  startedAt: number;
  /** Share of the solver's time budget used, 0..1. */
  fraction: number;
  /** Repeated meetings in the best schedule so far; null until the solver first reports. */
  repeats: number | null;
}

interface Running {
  worker: Worker;
  progress: JobProgress;
  stop(reason: StopReason, message: string): void;
}

export interface PlanJobsOptions {
  /** The worker's entry module (tests give one that never answers, to check the deadline). */
  entry?: URL;
  /** Workers running at once in this process; more jobs are refused (`busy`). */
  maxWorkers?: number;
  now?: () => number;
}

const DEFAULT_ENTRY = new URL('./worker-entry.js', import.meta.url);

export class PlanJobs {
  private readonly running = new Map<string, Running>();
  private readonly entry: URL;
  private readonly maxWorkers: number;
  private readonly now: () => number;

  constructor(opts: PlanJobsOptions = {}) {
    this.entry = opts.entry ?? DEFAULT_ENTRY;
    this.maxWorkers = opts.maxWorkers ?? 4;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Runs one job for `key` (an event's session) in a fresh worker. Resolves with the plan; rejects
   * with `PlanningError` (the input cannot be planned) or `PlanStopped`. `deadlineMs` is measured
   * from now; the solver's own time limit inside `job.input` should end well before it.
   */
  run(key: string, job: PlanJobRequest, deadlineMs: number): Promise<PlanningResult> {
    this.running
      .get(key)
      ?.stop('superseded', 'A newer plan for this session replaced this one before it finished.');
    if (this.running.size >= this.maxWorkers)
      return Promise.reject(
        new PlanStopped('busy', 'The scheduler is busy with other plans; try again in a minute.'),
      );
    return new Promise<PlanningResult>((resolve, reject) => {
      const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.running.get(key) === entry) this.running.delete(key);
        void worker.terminate();
        outcome();
      };
      const entry: Running = {
        worker,
        progress: { kind: job.kind, startedAt: this.now(), fraction: 0, repeats: null },
        stop: (reason, message) => finish(() => reject(new PlanStopped(reason, message))),
      };
      const timer = setTimeout(
        () =>
          entry.stop(
            'timed_out',
            `The scheduler did not finish within ${Math.round(deadlineMs / 1000)} s; try fewer rounds or a shorter time limit.`,
          ),
        deadlineMs,
      );
      this.running.set(key, entry);
      worker.on('message', (m: PlanJobMessage) => {
        if (m.type === 'progress') {
          entry.progress.fraction = m.fraction;
          entry.progress.repeats = m.repeats;
        } else if (m.type === 'done') finish(() => resolve(m.result));
        else
          finish(() =>
            reject(
              m.planning
                ? new PlanningError(m.message, m.reason)
                : new Error(`planner: ${m.message}`),
            ),
          );
      });
      worker.on('error', (err) => finish(() => reject(err)));
      worker.on('exit', (code) =>
        finish(() => reject(new Error(`planner worker exited (${code}) without an answer`))),
      );
      worker.postMessage(job);
    });
  }

  generate(key: string, input: PlanningInput, deadlineMs: number): Promise<PlanningResult> {
    return this.run(key, { kind: 'generate', input }, deadlineMs);
  }

  replan(key: string, input: SessionReplanInput, deadlineMs: number): Promise<PlanningResult> {
    return this.run(key, { kind: 'replan', input }, deadlineMs);
  }

  /** The job running for `key`, if any: what the console shows while it waits. */
  progress(key: string): (JobProgress & { elapsedMs: number }) | undefined {
    const r = this.running.get(key);
    return r && { ...r.progress, elapsedMs: this.now() - r.progress.startedAt };
  }

  /** Terminates the job running for `key`; false when there was none. */
  cancel(key: string): boolean {
    const r = this.running.get(key);
    r?.stop('cancelled', 'The plan was cancelled.');
    return r !== undefined;
  }

  /** Terminates every job (the server is closing). */
  stopAll(): void {
    for (const r of [...this.running.values()])
      r.stop('shutdown', 'The server is shutting down; plan again when it is back.');
  }
}

/** The key of a session's planning job. */
export const jobKey = (eventId: string, sessionId: string) => `${eventId}:${sessionId}`;
