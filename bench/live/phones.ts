/**
 * The phones: N WebSocket clients in this one process, plus a sender that emits `rate` messages a
 * second for `seconds`. Each message carries its send time (the same machine's clock: both
 * processes read it); each phone records when it arrived. Prints one JSON line of figures.
 *
 * mode=mosaic: phones say hello with their token; the sender is a signed-in facilitator whose
 *   `broadcast` intents go through validation, a committed transaction and the room's fan-out.
 * mode=relay: the same traffic through the bare relay.
 * A last argument `plan` (mosaic only) keeps a 60-second plan computing on the server throughout.
 */
import fs from 'node:fs';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../src/contract/live.ts';
import { startLongPlan, type LongPlan } from './long-plan.ts';

const [mode, target, phonesArg, rateArg, secondsArg, eventId, tokenFile, duringPlan] =
  process.argv.slice(2);
const phones = Number(phonesArg);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const clock = () => performance.timeOrigin + performance.now();

const latencies: number[] = [];
let delivered = 0;
const tag = /B(\d+)T(\d+\.?\d*)E/;

function onText(text: string) {
  const m = tag.exec(text);
  if (!m) return;
  latencies.push(clock() - Number(m[2]));
  delivered++;
}

async function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

const tokens: string[] = tokenFile
  ? (JSON.parse(fs.readFileSync(tokenFile, 'utf8')) as string[])
  : [];
const wsUrl = mode === 'mosaic' ? `${target!.replace(/^http/, 'ws')}/api/live/${eventId}` : target!;

// Connect in batches: a room of phones arrives over a minute, not in one instant.
const t0 = clock();
const sockets: WebSocket[] = [];
const batch = 100;
for (let i = 0; i < phones; i += batch) {
  const group = await Promise.all(
    Array.from({ length: Math.min(batch, phones - i) }, async (_, k) => {
      const ws = await open(wsUrl);
      if (mode === 'mosaic') {
        const welcomed = new Promise<void>((resolve) => {
          const first = (d: WebSocket.RawData) => {
            if (String(d).startsWith('{"type":"welcome"')) {
              ws.off('message', first);
              resolve();
            }
          };
          ws.on('message', first);
        });
        ws.send(
          JSON.stringify({
            type: 'hello',
            protocol: PROTOCOL_VERSION,
            participantToken: tokens[i + k],
          }),
        );
        await welcomed;
      }
      ws.on('message', (d) => onText(String(d)));
      return ws;
    }),
  );
  sockets.push(...group);
}
const connectMs = clock() - t0;

let sender: WebSocket;
let plan: LongPlan | undefined;
if (mode === 'mosaic') {
  const res = await fetch(`${target}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.mosaic.test', password: 'mosaic-demo' }),
  });
  // Sign-in also sets a device cookie: the session is the one named mosaic_session.
  const cookie =
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('mosaic_session=')) ?? '';
  if (duringPlan === 'plan') plan = await startLongPlan(target!, cookie);
  sender = await open(wsUrl, { cookie });
  sender.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION }));
} else sender = await open(wsUrl);
await new Promise((r) => setTimeout(r, 300));

const total = Math.round(rate * seconds);
for (let i = 0; i < total; i++) {
  const text = `B${i}T${clock().toFixed(3)}E`;
  if (mode === 'mosaic')
    sender.send(
      JSON.stringify({
        type: 'intent',
        id: `bench${String(i).padStart(6, '0')}`,
        intent: { type: 'broadcast', text },
      }),
    );
  else sender.send(text);
  await new Promise((r) => setTimeout(r, 1000 / rate));
}
// Let the last messages arrive.
const deadline = clock() + 5000;
while (delivered < total * phones && clock() < deadline)
  await new Promise((r) => setTimeout(r, 50));

// The load ran beside the plan only if the plan is still computing now.
const planThroughout = plan ? await plan.running() : null;
await plan?.cancel();
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
process.stdout.write(
  `${JSON.stringify({ mode, phones, rate, messages: total, connect_ms: Math.round(connectMs), p50_ms: +pct(50).toFixed(2), p99_ms: +pct(99).toFixed(2), max_ms: +(latencies.at(-1) ?? NaN).toFixed(2), delivered: delivered / (total * phones), plan_throughout: planThroughout })}\n`,
);
for (const s of [...sockets, sender]) s.terminate();
process.exit(0);
