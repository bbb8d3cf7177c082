import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { migrateToLatest, openDb, type Backend } from './db/index.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';
import { smtpMailer, type SmtpConfig } from './mail.ts';

export const DEFAULT_WEB_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/web',
);

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string | undefined;
  /** Seed the demo coalition when the database is empty. */
  seedDemo?: boolean;
  webRoot?: string;
  log?: boolean;
  trustProxy?: boolean;
  publicOrigins?: readonly string[];
  smtp?: SmtpConfig | undefined;
}

export interface RunningServer {
  url: string;
  backend: Backend;
  location: string;
  seeded: boolean;
  close(): Promise<void>;
}

/** Opens and migrates the database, seeds the demo if asked and empty, and listens. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const { db, backend, location } = openDb({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir ?? path.resolve('.mosaic'),
  });
  try {
    await migrateToLatest(db);
    const seeded = opts.seedDemo && (await isEmpty(db)) ? (await seedDemo(db)).created : false;
    const app = await buildApp({
      db,
      backend,
      databaseUrl: opts.databaseUrl,
      webRoot: opts.webRoot ?? DEFAULT_WEB_ROOT,
      log: opts.log ?? false,
      trustProxy: opts.trustProxy ?? false,
      publicOrigins: opts.publicOrigins ?? [],
      mailer: opts.smtp ? smtpMailer(opts.smtp) : undefined,
      // Emailed links go to the first public URL (never to a host a request named).
      publicUrl: opts.publicOrigins?.[0],
    });
    await app.listen({ port: opts.port ?? 8080, host: opts.host ?? '127.0.0.1' });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port;
    const host = opts.host ?? '127.0.0.1';
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${port}`,
      backend,
      location,
      seeded,
      async close() {
        await app.close();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
