/**
 * The baseline: a bare `ws` broadcast relay with no validation, storage or sequencing. Every
 * message from any client goes to every other client. Prints one JSON line, serves until killed.
 */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const text = String(data);
    for (const c of wss.clients) if (c !== socket && c.readyState === c.OPEN) c.send(text);
  });
});
wss.on('listening', () => {
  const addr = wss.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `ws://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
