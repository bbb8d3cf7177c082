/**
 * An invitation email is written in the invitee's language (`language`, en or th, chosen by the
 * inviter; English when not said) through the server's i18next texts (src/server/i18n), whose
 * languages hold the same keys. An unknown language is refused, naming the field, and nothing is
 * sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { startApi, type ApiHarness } from '../support/api.ts';
import type { Mail } from '../../src/server/mail.ts';
import { MAIL_TEXTS } from '../../src/server/i18n/index.ts';
import { MAIL_LANGUAGES } from '../../src/contract/constants.ts';

/** Every dotted key of a texts object, with its text. */
const flat = (o: object, p = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : flat(v as object, `${p}${k}.`),
  );

it('every mail language has every key, none empty, the same {{placeholders}}', () => {
  const en = new Map(flat(MAIL_TEXTS.en));
  for (const l of MAIL_LANGUAGES) {
    const texts = new Map(flat(MAIL_TEXTS[l]));
    expect([...texts.keys()].sort(), l).toEqual([...en.keys()].sort());
    for (const [k, v] of texts) {
      expect(v.trim(), `${l} ${k}`).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(holes(v), `${l} ${k}`).toEqual(holes(en.get(k)!));
    }
  }
});

describe.each(testBackends())('invitation emails in the invitee’s language on $name', (backend) => {
  let h: ApiHarness;
  let admin: string;
  const sent: Mail[] = [];
  beforeAll(async () => {
    h = await startApi(backend, {
      mailer: { send: async (m) => void sent.push(m), close: () => undefined },
      publicUrl: 'https://mosaic.example.org',
    });
    admin = await h.adminCookie();
  });
  afterAll(async () => h?.close());

  const invite = (payload: object) =>
    h.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: admin }, payload });

  it('Thai when asked: subject, role and instructions in Thai, the link unchanged', async () => {
    const res = await invite({ email: 'somchai@example.org', role: 'coordinator', language: 'th' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ emailed: true });
    const mail = sent.at(-1)!;
    expect(mail.to).toBe('somchai@example.org');
    expect(mail.subject).toBe('คุณได้รับเชิญเข้าร่วม Mosaic');
    expect(mail.text).toContain('ในฐานะผู้ประสานงาน');
    expect(mail.text).toContain('ภายใน 72 ชั่วโมง');
    expect(mail.text).toMatch(/^https:\/\/mosaic\.example\.org\/invite#\S+$/m);
    expect(mail.text).not.toMatch(/[A-Za-z]{4,} (?:to|the|this|you)\b/); // no English sentence left
  });

  it('English when not said, and when asked', async () => {
    for (const [email, extra] of [
      ['plain@example.org', {}],
      ['english@example.org', { language: 'en' }],
    ] as const) {
      const res = await invite({ email, role: 'member', ...extra });
      expect(res.statusCode, res.body).toBe(201);
      const mail = sent.at(-1)!;
      expect(mail.to).toBe(email);
      expect(mail.subject).toBe('You are invited to Mosaic');
      expect(mail.text).toContain('You are invited to join a coalition on Mosaic as a member.');
      expect(mail.text).toContain('within 72 hours');
    }
  });

  it('an unknown language is refused, naming the field, and nothing is sent', async () => {
    const before = sent.length;
    const res = await invite({ email: 'fr@example.org', role: 'member', language: 'fr' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual(expect.objectContaining({ field: 'language' }));
    expect(sent.length).toBe(before);
  });
});
