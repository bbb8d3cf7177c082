import nodemailer from 'nodemailer';

/**
 * Outgoing email (invitation and password-reset links), when SMTP is configured. Without it,
 * invitation links are shown to the inviter to pass on, and password resets cannot be sent.
 */
export interface SmtpConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; or the separate fields below. */
  url?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  user?: string | undefined;
  pass?: string | undefined;
  /** The sender, e.g. `Mosaic <mosaic@example.org>`. */
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function smtpMailer(config: SmtpConfig): Mailer {
  const transport = config.url
    ? nodemailer.createTransport(config.url)
    : nodemailer.createTransport({
        host: config.host,
        port: config.port ?? 587,
        secure: (config.port ?? 587) === 465,
        ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
      });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** SMTP settings from the environment (README "Configuration"); undefined when none are set. */
export function smtpFromEnv(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  const url = env.SMTP_URL || undefined;
  const host = env.SMTP_HOST || undefined;
  if (!url && !host) return undefined;
  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw new Error(`SMTP_PORT must be an integer from 1 to 65535 (got "${env.SMTP_PORT}")`);
  const from = env.SMTP_FROM || undefined;
  if (!from) throw new Error('SMTP_FROM must be set when SMTP_URL or SMTP_HOST is (the sender)');
  return { url, host, port, user: env.SMTP_USER || undefined, pass: env.SMTP_PASS, from };
}
