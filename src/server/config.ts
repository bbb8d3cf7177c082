import path from 'node:path';
import { parsePublicUrls } from './http/origin.ts';
import { smtpFromEnv, type SmtpConfig } from './mail.ts';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  trustProxy: boolean;
  /** Origins of `PUBLIC_URL` (comma-separated): the only pages allowed to call the API. */
  publicOrigins: string[];
  /** Outgoing email for invitation and reset links (SMTP_URL or SMTP_HOST…, with SMTP_FROM). */
  smtp: SmtpConfig | undefined;
}

/** Configuration from the environment, with the defaults the README documents. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535 (got "${env.PORT}")`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: path.resolve(env.MOSAIC_DATA || '.mosaic'),
    databaseUrl: env.DATABASE_URL || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    publicOrigins: parsePublicUrls(env.PUBLIC_URL),
    smtp: smtpSettings(env),
  };
}

function smtpSettings(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  const smtp = smtpFromEnv(env);
  // An emailed reset link must never take its host from a request (a forged Host header would
  // send someone's reset token to the forger's site), so sending mail needs the public URL.
  if (smtp && !env.PUBLIC_URL?.trim())
    throw new Error('PUBLIC_URL must be set when SMTP is configured');
  return smtp;
}
