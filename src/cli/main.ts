import { Command, CommanderError } from 'commander';
import { registerServer } from './commands/server.ts';
import { registerAdmin } from './commands/admin.ts';
import { registerSchedule } from './commands/schedule.ts';
import { registerBackup } from './commands/backup.ts';
import { registerFactors } from './commands/factors.ts';
import { registerSpectrum } from './commands/spectrum.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerReport } from './commands/report.ts';
import { registerFollowup } from './commands/followup.ts';
import { CliError } from './errors.ts';

const program = new Command('mosaic')
  .description('Mosaic: run an anti-trafficking convening live and keep its shared knowledge.')
  .version('0.1.0')
  .showHelpAfterError('(run `mosaic --help` for usage)')
  .exitOverride();

registerServer(program);
registerAdmin(program);
registerSchedule(program);
registerBackup(program);
registerFactors(program);
registerSpectrum(program);
registerExport(program);
registerImport(program);
registerReport(program);
registerFollowup(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Commander has already printed its own message (unknown option, missing argument, --help).
  if (err instanceof CommanderError) process.exit(err.exitCode);
  // A person gets a sentence, never a stack trace; MOSAIC_DEBUG=1 shows the trace for developers.
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const raw = err instanceof Error ? err.message : String(err);
  const message =
    code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000'
      ? `cannot use the PostgreSQL database in DATABASE_URL: ${raw}`
      : raw;
  process.stderr.write(`mosaic: ${message}\n`);
  if (process.env.MOSAIC_DEBUG && err instanceof Error && !(err instanceof CliError))
    process.stderr.write(`${err.stack}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
