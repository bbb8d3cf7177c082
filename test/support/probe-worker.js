// A live client in its own thread, measuring how long the server takes to answer: the test's own
// thread may be the one a blocked event loop stops, so it cannot time the server itself.
// workerData: { url, headers, hello, count, intervalMs, intent? }. Posts `ready` once welcomed,
// then, on `start`, sends `count` pings (and intents, if given) and posts `{ times }` in ms.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, headers, hello, count, intervalMs, intent } = workerData;
const ws = new WebSocket(url, { headers });
const waiters = [];
ws.on('message', (raw) => {
  const m = JSON.parse(String(raw));
  for (const [i, w] of waiters.entries())
    if (w.pred(m)) {
      waiters.splice(i, 1);
      w.resolve(m);
      break;
    }
});
const next = (pred) => new Promise((resolve) => waiters.push({ pred, resolve }));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

ws.once('open', async () => {
  ws.send(JSON.stringify({ type: 'hello', ...hello }));
  await next((m) => m.type === 'welcome');
  parentPort.postMessage({ type: 'ready' });
});
parentPort.once('message', async () => {
  const times = [];
  for (let i = 0; i < count; i++) {
    let t = performance.now();
    ws.send(JSON.stringify({ type: 'ping', t: i }));
    await next((m) => m.type === 'pong' && m.t === i);
    times.push(performance.now() - t);
    if (intent) {
      const id = `probe-${process.pid}-${Date.now()}-${i}`;
      t = performance.now();
      ws.send(JSON.stringify({ type: 'intent', id, intent }));
      const answer = await next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
      if (answer.type !== 'ack') throw new Error(`intent refused: ${answer.message}`);
      times.push(performance.now() - t);
    }
    await sleep(intervalMs);
  }
  parentPort.postMessage({ type: 'done', times });
  ws.close();
});
