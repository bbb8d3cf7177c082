import type { Command } from 'commander';
import { configFromEnv } from '../../server/config.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../../server/db/backup.ts';
import { CliError } from '../errors.ts';

/** Turns what a person can act on into a one-line error and exit code 1 (bad input, no tool). */
async function asCliErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(err.message);
    throw err;
  }
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a consistent copy of the database to a file while the server keeps running (SQLite: online backup; PostgreSQL: pg_dump -Fc)',
    )
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--force', 'overwrite the file if it exists')
    .action(async (o: { out: string; force?: boolean }) => {
      const config = configFromEnv();
      const { bytes } = await asCliErrors(() =>
        backupDatabase(config, o.out, { force: o.force === true }),
      );
      process.stdout.write(`Backup written to ${o.out} (${bytes} bytes).\n`);
    });

  program
    .command('restore')
    .description(
      'Replace the database with a backup made by `mosaic backup` (stop the server first)',
    )
    .requiredOption('--in <file>', 'the backup file to read')
    .option('--force', 'replace a database that already holds data')
    .action(async (o: { in: string; force?: boolean }) => {
      const config = configFromEnv();
      await asCliErrors(() => restoreDatabase(config, o.in, { force: o.force === true }));
      process.stdout.write(`Restored ${o.in}. Start the server with \`mosaic serve\`.\n`);
    });
}
