import type { Command } from 'commander';
import { configFromEnv, isLoopback } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { DEMO_LOGIN, isEmpty, seedDemo } from '../../server/seed/demo.ts';
import { startServer } from '../../server/main.ts';
import { CliError } from '../errors.ts';

export function registerServer(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and the web app (migrates the database first)')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option(
      '--demo',
      'seed the fictional demo coalition on an empty database even on a non-loopback host',
    )
    .option('--no-seed', 'never seed the demo coalition')
    .action(async (o: { port?: string; host?: string; demo?: boolean; seed: boolean }) => {
      const config = configFromEnv({
        ...process.env,
        ...(o.port && { PORT: o.port }),
        ...(o.host && { HOST: o.host }),
      });
      const loopback = isLoopback(config.host);
      // The demo admin's password is public (README): never let it guard a reachable server by accident.
      const seed = o.seed && (loopback || o.demo === true);
      const server = await startServer({ ...config, seedDemo: seed, log: false }).catch(
        (err: unknown) => {
          const e = err as NodeJS.ErrnoException;
          if (e.code === 'EADDRINUSE')
            throw new CliError(`port ${config.port} is in use; set PORT to another port`);
          if (e.code === 'ECONNREFUSED')
            throw new CliError(`cannot reach PostgreSQL at DATABASE_URL (${e.message})`);
          throw err;
        },
      );
      const out = process.stdout;
      out.write(`Mosaic is running at ${server.url}\n`);
      out.write(`Database: ${server.backend} (${server.location})\n`);
      if (server.seeded) out.write(`Demo coalition created (fictional data).\n`);
      if (seed) out.write(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`);
      else if (o.seed && !loopback)
        out.write(
          `Not seeding the demo coalition: ${config.host} is not a loopback address (pass --demo to force).\n`,
        );
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
