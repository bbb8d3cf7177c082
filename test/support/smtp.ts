import { SMTPServer } from 'smtp-server';
import { smtpMailer, type Mailer } from '../../src/server/mail.ts';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server (the `smtp-server` package) on a loopback port, keeping every message it
 * receives, and a Mailer that sends to it through nodemailer over the socket.
 */
export interface TestSmtp {
  port: number;
  messages: ReceivedMail[];
  mailer(): Mailer;
  /** The first message to `to` received after `after` messages (waits for it). */
  next(to: string, after?: number, timeoutMs?: number): Promise<ReceivedMail>;
  /** The link in a message (`…/invite#token` or `…/reset#token`), quoted-printable undone. */
  linkIn(mail: ReceivedMail): string;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    messages,
    mailer: () =>
      smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'Mosaic <mosaic@test.mosaic.test>' }),
    async next(to, after = 0, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = messages.slice(after).find((x) => x.to.includes(to));
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    linkIn(mail) {
      const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const m = /https?:\/\/\S+\/(?:invite|reset)#[A-Za-z0-9_-]+/.exec(body);
      if (!m) throw new Error(`no link in message:\n${mail.raw}`);
      return m[0];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
