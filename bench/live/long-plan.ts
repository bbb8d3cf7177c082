/**
 * `--during-plan`: a 60-second plan computing on the server while the phones' load runs. A small
 * event of its own (twelve people from twelve organisations, thirty rounds of pairs: each can meet
 * only eleven others, so repeats are unavoidable and the solver searches for its whole budget).
 */
const json = { 'content-type': 'application/json' };

export interface LongPlan {
  /** Whether the plan is still computing (so the load ran entirely beside it). */
  running(): Promise<boolean>;
  /** Stops it (the bench does not wait the full minute). */
  cancel(): Promise<void>;
}

export async function startLongPlan(target: string, cookie: string): Promise<LongPlan> {
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${target}${path}`, {
      method,
      headers: body === undefined ? { cookie } : { ...json, cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const ev = (
    await api('POST', '/api/events', {
      name: 'Bench: a long plan',
      startsOn: '2026-12-01',
      endsOn: '2026-12-01',
    })
  ).body as { id: string };
  const csv = `Name,Organisation,Sector\n${Array.from({ length: 12 }, (_, i) => `P${i},Org ${i},ngo`).join('\n')}\n`;
  await api('POST', `/api/events/${ev.id}/participants/import`, { csv, dryRun: false });
  const withSession = (
    await api('POST', `/api/events/${ev.id}/sessions`, {
      kind: 'networking',
      title: 'Long plan',
      rounds: 30,
      minutesPerRound: 5,
    })
  ).body as { sessions: { id: string }[] };
  const path = `/api/events/${ev.id}/sessions/${withSession.sessions[0]!.id}/plan`;
  const answered = api('POST', path, { timeLimitSeconds: 60 });
  const running = async () => (await api('GET', path)).body.running === true;
  for (let i = 0; !(await running()); i++) {
    if (i > 200) throw new Error('the long plan did not start');
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    running,
    async cancel() {
      await api('DELETE', path);
      const end = await answered;
      if (end.body.error !== 'plan_cancelled')
        throw new Error(`the long plan ended before it was cancelled: ${JSON.stringify(end.body)}`);
    },
  };
}
