/**
 * A planning worker thread: runs one job of the scheduling engine off the server's event loop and
 * reports progress. It is terminated when its job is cancelled, superseded or overdue (jobs.ts).
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { generatePlan, PlanningError, replanRemaining } from './engine.ts';
import type { PlanJobMessage, PlanJobRequest } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread (see jobs.ts)');

// On Linux a thread has its own nice value: the solver yields the core to the event loop (rounds'
// timers, phones' intents) whenever both want it. Elsewhere this may refuse; planning still works.
try {
  os.setPriority(19);
} catch {
  // not permitted here: run at normal priority
}

const post = (m: PlanJobMessage) => port.postMessage(m);

port.once('message', (job: PlanJobRequest) => {
  // Progress is throttled: the solver reports every few thousand moves.
  let last = 0;
  const hooks = {
    onProgress: (p: { fraction: number; repeats: number }) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      post({ type: 'progress', fraction: p.fraction, repeats: p.repeats });
    },
  };
  try {
    const result =
      job.kind === 'generate' ? generatePlan(job.input, hooks) : replanRemaining(job.input, hooks);
    post({ type: 'done', result });
  } catch (err) {
    post({
      type: 'failed',
      planning: err instanceof PlanningError,
      message: err instanceof Error ? err.message : String(err),
      reason: err instanceof PlanningError ? err.reason : undefined,
    });
  }
});
