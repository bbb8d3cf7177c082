import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { migrateToLatest, openDb, type Backend } from './db/index.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';
import { smtpMailer, type SmtpConfig } from './mail.ts';
import { SetupGate } from './auth/setup.ts';
import { anyAdmin } from './db/repos/accounts.ts';
import { lanAddresses } from './http/lan.ts';
import type { SiteAddress } from './context.ts';

/** dist/web of the project this module belongs to, run from src/server or bundled in dist/server. */
export const DEFAULT_WEB_ROOT = path.join(projectRoot(), 'dist/web');

function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return path.resolve('.');
    dir = up;
  }
  return dir;
}

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
  /**
   * Serve the room's phones on the local network: listen on every interface (unless `host` says
   * otherwise) and, unless `PUBLIC_URL` is set, use this machine's LAN address in join links.
   */
  lan?: boolean;
  /** LAN addresses to choose from (tests); default: this machine's (http/lan.ts). */
  lanAddresses?: string[];
}

export interface RunningServer {
  url: string;
  backend: Backend;
  location: string;
  seeded: boolean;
  /** Where phones join (the base of the QR code's link). */
  joinBase: string;
  /** First run (no admin yet): the one-time page that creates the first admin. */
  setupUrl: string | undefined;
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
    const issued = (await anyAdmin(db)) ? undefined : SetupGate.issue();
    const host = opts.host ?? (opts.lan ? '0.0.0.0' : '127.0.0.1');
    const publicOrigins = opts.publicOrigins ?? [];
    // With PUBLIC_URL set only its origins may call the API; --lan adds the LAN address once the
    // port is known (the check reads this array). Without PUBLIC_URL the request's own host is
    // accepted, the LAN address included.
    const allowedOrigins = [...publicOrigins];
    const site: SiteAddress = { joinBase: publicOrigins[0] };
    const app = await buildApp({
      db,
      backend,
      databaseUrl: opts.databaseUrl,
      webRoot: opts.webRoot ?? DEFAULT_WEB_ROOT,
      log: opts.log ?? false,
      trustProxy: opts.trustProxy ?? false,
      publicOrigins: allowedOrigins,
      mailer: opts.smtp ? smtpMailer(opts.smtp) : undefined,
      // Emailed links go to the first public URL (never to a host a request named).
      publicUrl: publicOrigins[0],
      setup: issued?.gate ?? SetupGate.closed(),
      site,
    });
    await app.listen({ port: opts.port ?? 8080, host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port;
    const lans = opts.lan ? (opts.lanAddresses ?? lanAddresses()) : [];
    const lanOrigin = lans[0] ? `http://${lans[0]}:${port}` : undefined;
    // The room's laptop opens the address printed below (loopback) and phones may be on any of
    // its networks: with PUBLIC_URL and --lan those are Mosaic's own origins too.
    if (opts.lan && allowedOrigins.length > 0)
      allowedOrigins.push(
        ...[...lans, '127.0.0.1', 'localhost', '[::1]'].map((a) => `http://${a}:${port}`),
      );
    site.joinBase ??= lanOrigin;
    const shownHost =
      host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const url = `http://${shownHost}:${port}`;
    const joinBase = site.joinBase ?? url;
    return {
      url,
      backend,
      location,
      seeded,
      joinBase,
      setupUrl: issued ? `${joinBase}/setup#${issued.token}` : undefined,
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
