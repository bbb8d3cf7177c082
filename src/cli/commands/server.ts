import type { Command } from 'commander';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { DEMO_LOGIN, isEmpty, seedDemo } from '../../server/seed/demo.ts';
import { startServer } from '../../server/main.ts';
import { CliError } from '../errors.ts';
import { isLoopbackUrl } from '../../contract/address.ts';

export function registerServer(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and the web app (migrates the database first)')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option(
      '--lan',
      'serve the room: listen on the local network (0.0.0.0) and put this machine’s LAN address in join links and QR codes (PUBLIC_URL wins when set)',
    )
    .option(
      '--demo',
      'seed the fictional demo coalition (its admin password is public) if the database is empty; npm start passes it',
    )
    .action(async (o: { port?: string; host?: string; demo?: boolean; lan?: boolean }) => {
      const config = configFromEnv({
        ...process.env,
        ...(o.port && { PORT: o.port }),
        ...(o.host && { HOST: o.host }),
        // --lan listens on every interface unless an address is named (--host or HOST).
        ...(o.lan && !o.host && !process.env.HOST && { HOST: '0.0.0.0' }),
      });
      // The demo admin's password is public (README): seeded only when asked for, never because of
      // how the server listens (behind a reverse proxy it listens on loopback too).
      const seed = o.demo === true;
      const server = await startServer({
        ...config,
        seedDemo: seed,
        log: true,
        lan: o.lan === true,
      }).catch((err: unknown) => {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE')
          throw new CliError(`port ${config.port} is in use; set PORT to another port`);
        if (e.code === 'ECONNREFUSED')
          throw new CliError(`cannot reach PostgreSQL at DATABASE_URL (${e.message})`);
        throw err;
      });
      const out = process.stdout;
      out.write(`Mosaic is running at ${server.url}\n`);
      out.write(`Database: ${server.backend} (${server.location})\n`);
      out.write(`Phones join at ${server.joinBase}\n`);
      if (isLoopbackUrl(server.joinBase))
        out.write(
          o.lan
            ? 'No network address found: phones cannot reach this computer. Connect it to the venue’s network (or set PUBLIC_URL) and restart.\n'
            : 'That address is this computer only: for phones, restart with --lan (npm run serve -- --lan) or set PUBLIC_URL.\n',
        );
      if (server.setupUrl)
        out.write(
          `\nNo admin yet. To create the first admin, open this link in a browser (it works once):\n  ${server.setupUrl}\n\n`,
        );
      if (server.seeded)
        out.write(
          `Demo coalition created (fictional data). Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`,
        );
      else if (seed) out.write('The database is not empty: no demo coalition added.\n');
      out.write('Press Ctrl+C to stop.\n');
      const stop = async (signal: string) => {
        out.write(`\n${signal}: shutting down…\n`);
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Create or upgrade the database schema (SQLite in MOSAIC_DATA, or DATABASE_URL)')
    .action(async () => {
      const config = configFromEnv();
      const { db, backend, location } = openDb(config);
      try {
        const applied = await migrateToLatest(db);
        process.stdout.write(
          `${backend} (${location}): ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}\n`,
        );
      } finally {
        await db.destroy();
      }
    });

  const seed = program.command('seed').description('Load data into the database');
  seed
    .command('demo')
    .description('Create the fictional demo coalition and its admin (if it does not exist)')
    .action(async () => {
      const config = configFromEnv();
      const { db } = openDb(config);
      try {
        await migrateToLatest(db);
        const empty = await isEmpty(db);
        const r = await seedDemo(db);
        process.stdout.write(
          r.created
            ? `Demo coalition created with ${r.organisations} fictional organisations${empty ? '' : ' beside the existing data'}.\nDemo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`
            : 'The demo coalition already exists; nothing changed.\n',
        );
      } finally {
        await db.destroy();
      }
    });
}
