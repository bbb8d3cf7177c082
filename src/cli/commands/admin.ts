import type { Command } from 'commander';
import { z } from 'zod';
import { configFromEnv } from '../../server/config.ts';
import { migrateToLatest, openDb } from '../../server/db/index.ts';
import { createFirstAdmin } from '../../server/auth/first-admin.ts';
import { MIN_PASSWORD_LENGTH } from '../../server/auth/passwords.ts';
import { CliError } from '../errors.ts';

const Input = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  coalition: z.string().trim().min(1, 'must not be empty').max(200),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('Administer accounts');
  admin
    .command('create')
    .description('Create a coalition and its first admin account')
    .requiredOption('--email <email>', 'the admin’s email (their log-in)')
    .requiredOption('--coalition <name>', 'name of the coalition to create')
    .option('--name <name>', 'the admin’s display name', 'Administrator')
    .option(
      '--password-stdin',
      'read the password from standard input (otherwise MOSAIC_ADMIN_PASSWORD)',
    )
    .action(
      async (o: { email: string; coalition: string; name: string; passwordStdin?: boolean }) => {
        // Never a password on the command line: it would sit in shell history and `ps`.
        const password = o.passwordStdin ? await readStdin() : process.env.MOSAIC_ADMIN_PASSWORD;
        if (password === undefined)
          throw new CliError(
            'give the password on standard input with --password-stdin, or in MOSAIC_ADMIN_PASSWORD',
          );
        const parsed = Input.safeParse({
          email: o.email,
          name: o.name,
          coalition: o.coalition,
          password,
        });
        if (!parsed.success) {
          const msgs = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
          throw new CliError(`invalid ${msgs.join('; ')}`, 2);
        }
        const { db } = openDb(configFromEnv());
        try {
          await migrateToLatest(db);
          const r = await createFirstAdmin(db, parsed.data);
          if (!r.ok) throw new CliError(r.reason, 1);
          process.stdout.write(
            `Created coalition "${parsed.data.coalition}" and admin ${parsed.data.email}.\n`,
          );
        } finally {
          await db.destroy();
        }
      },
    );
}
