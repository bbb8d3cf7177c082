/**
 * Benchmark server process: Mosaic on a fresh SQLite folder with the demo coalition, plus N extra
 * participants in the demo event with known device tokens. Prints one JSON line, then serves until
 * killed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../../src/server/main.ts';
import { openDb } from '../../src/server/db/index.ts';
import { addParticipants } from '../../src/server/events/service.ts';
import { hashSecret } from '../../src/server/events/codes.ts';
import { insertParticipantToken } from '../../src/server/db/repos/events.ts';

const phones = Number(process.argv[2] ?? 1000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-live-'));
const server = await startServer({
  port: 0,
  dataDir,
  seedDemo: true,
  webRoot: path.join(dataDir, 'none'),
});
const { db } = openDb({ dataDir });
const event = await db.selectFrom('events').select('id').executeTakeFirstOrThrow();
const now = () => new Date();
const ids = await addParticipants(
  { db, now },
  event.id,
  Array.from({ length: phones }, (_, i) => ({
    name: `Phone ${i}`,
    organisation: `Bench org ${i % 97}`,
    sector: 'ngo' as const,
    country: null,
    choices: [],
    languages: [],
    email: null,
  })),
);
const tokens = ids.map(() => randomBytes(24).toString('base64url'));
await db.transaction().execute(async (trx) => {
  for (const [i, id] of ids.entries())
    await insertParticipantToken(trx, {
      token_hash: hashSecret(tokens[i]!),
      participant_id: id,
      event_id: event.id,
      created_at: now().toISOString(),
    });
});
await db.destroy();
const tokenFile = path.join(dataDir, 'tokens.json');
fs.writeFileSync(tokenFile, JSON.stringify(tokens));
process.stdout.write(`${JSON.stringify({ url: server.url, eventId: event.id, tokenFile })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
