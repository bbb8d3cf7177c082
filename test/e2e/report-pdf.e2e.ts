/**
 * Issue 14: `mosaic report <event> --pdf` as a person runs it (the real CLI, a child process, the
 * system Chromium), on a demo database whose event has organisations named in Thai, Khmer,
 * Burmese, Vietnamese and Chinese. The PDF is read back with poppler (Debian's poppler-utils):
 * - its text (pdftotext) has every name, the Thai headings, the factors' and issues' Thai names
 *   (the coalition's vocabulary in the report's language) and the figures numbered 1, 2, 3…;
 * - its fonts (pdffonts) are the report's own: no machine font (DejaVu, Liberation) is used, so
 *   the PDF does not depend on what the machine has installed;
 * - its pages rendered to PNG (pdftoppm) have ink where each name's words are (pdftotext -bbox):
 *   no blank glyphs. The page with the names is kept as docs/screenshots/report-pdf-scripts.png
 *   (test-results/ unless MOSAIC_UPDATE_DOCS_SCREENSHOTS=1) — and looked at.
 * The public version names no organisation; a missing Chromium is a clear error, non-zero exit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { migrateToLatest, openDb } from '../../src/server/db/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { cookieOf, DEMO } from '../support/api.ts';
import { REPO, screenshotDir, WEB_ROOT } from './harness.ts';

const NAMES = {
  thai: 'มูลนิธิเพื่อแรงงานข้ามชาติ',
  khmer: 'សមាគមការពារសិទ្ធិពលករ',
  burmese: 'ရွှေ့ပြောင်းအလုပ်သမားကွန်ရက်',
  vietnamese: 'Trung tâm Hỗ trợ Người lao động Di cư',
  chinese: '湄公河反拐卖联盟',
};

/** The factors two demo cards are confirmed under, and their labels in the Thai vocabulary. */
const FACTORS_TH = {
  'push.debt': 'หนี้สิน',
  'push.recruiters': 'นายหน้าและผู้จัดหางานที่ไม่มีการควบคุม',
};

let dir: string;
let code: string;

beforeAll(async () => {
  if (!existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error('The web app is not built: run `npm run build:web` first.');
  dir = mkdtempSync(path.join(tmpdir(), 'mosaic-report-pdf-'));
  const { db, backend } = openDb({ dataDir: dir });
  await migrateToLatest(db);
  await seedDemo(db);
  const app = await buildApp({ db, backend });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO });
    const cookie = cookieOf(login);
    const e = await db.selectFrom('events').select(['id', 'join_code']).executeTakeFirstOrThrow();
    code = e.join_code;
    for (const [script, organisation] of Object.entries(NAMES)) {
      const r = await app.inject({
        method: 'POST',
        url: `/api/events/${e.id}/participants`,
        headers: { cookie },
        payload: { name: `Reader ${script}`, organisation, sector: 'ngo', country: 'TH' },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Two domestic workers' cards confirmed under factors: the sheets count them by factor.
    const cards = await db
      .selectFrom('cards')
      .select(['id', 'issue_key'])
      .where('event_id', '=', e.id)
      .orderBy('created_at')
      .orderBy('id')
      .limit(2)
      .execute();
    for (const [n, c] of cards.entries()) {
      expect(c.issue_key).toBe('domesticWorkers');
      const r = await app.inject({
        method: 'PUT',
        url: `/api/events/${e.id}/cards/${c.id}/factor`,
        headers: { cookie },
        payload: { factor: Object.keys(FACTORS_TH)[n] },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
  } finally {
    await app.close();
    await db.destroy();
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function mosaic(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, MOSAIC_DATA: dir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 150_000,
  });
}

const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** A grey-scale page rendered by pdftoppm (binary PGM): width, height, one byte per pixel. */
function readPgm(file: string) {
  const buf = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!;
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    pixels: buf.subarray(header[0].length),
  };
}

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word of the PDF with its box in points (pdftotext -bbox). */
function words(pdf: string): Word[] {
  const html = poppler('pdftotext', ['-bbox', pdf, '-']);
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (m)
      out.push({
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!,
      });
  }
  return out;
}

describe('mosaic report --pdf', () => {
  it('writes the members’ report in Thai, every script shaped with the report’s own fonts', async () => {
    const pdf = path.join(dir, 'report-th.pdf');
    const run = mosaic(['report', code, '--pdf', pdf, '--lang', 'th']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*report-th\.pdf/);

    const text = poppler('pdftotext', [pdf, '-']).normalize('NFC');
    expect(text).toContain('สารบัญ');
    expect(text).toContain('ผู้เข้าร่วม');
    for (const name of Object.values(NAMES)) expect(text).toContain(name.normalize('NFC'));
    // The vocabulary's words in Thai too: factors, the café issue, the expertise groups.
    const flat = text.replace(/\s+/g, '');
    for (const label of Object.values(FACTORS_TH)) expect(flat).toContain(label.normalize('NFC'));
    expect(flat).toContain('แรงงานทำงานบ้าน');
    expect(flat).not.toMatch(/Domesticworkers|Unregulatedrecruiters|Policyandlegal/);
    // Figures are numbered in reading order across sections.
    const figures = [...text.matchAll(/รูปที่ (\d+)\./g)].map((m) => Number(m[1]));
    expect(figures.length).toBeGreaterThanOrEqual(3);
    expect(figures).toEqual(figures.map((_, n) => n + 1));
    // Running headers: the event's name on the pages after the cover.
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pdf]))![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`หน้า 2 / ${pages}`);

    // No font of the machine's: every glyph comes from the fonts the report page loads.
    const fonts = poppler('pdffonts', [pdf]);
    expect(fonts).not.toMatch(/DejaVu|Liberation|FreeSans|Droid/);

    // Ink where each name is written: render the page, cut out each word's box, count dark pixels.
    const boxes = words(pdf);
    const out = path.join(dir, 'page');
    const pageOf = (name: string) => {
      const first = name.split(' ')[0]!.normalize('NFC');
      const w = boxes.find((b) => b.text.normalize('NFC').includes(first));
      expect(w, `the word ${first} in the PDF`).toBeDefined();
      return w!;
    };
    // The page of the sheets' factor chart, rendered for looking at (test-results/).
    const factorPage = boxes.find((b) => b.text.normalize('NFC').includes('หนี้สิน'))!.page;
    poppler('pdftoppm', [
      '-r',
      '80',
      '-png',
      '-f',
      String(factorPage),
      '-l',
      String(factorPage),
      pdf,
      `${out}-factors`,
    ]);
    mkdirSync(path.join(REPO, 'test-results'), { recursive: true });
    copyFileSync(
      `${out}-factors-${String(factorPage).padStart(String(pages).length, '0')}.png`,
      path.join(REPO, 'test-results', 'report-pdf-thai-factors.png'),
    );
    const page = pageOf(NAMES.thai).page;
    const DPI = 100;
    poppler('pdftoppm', [
      '-r',
      String(DPI),
      '-gray',
      '-f',
      String(page),
      '-l',
      String(page),
      pdf,
      out,
    ]);
    const pgm = readPgm(`${out}-${String(page).padStart(String(pages).length, '0')}.pgm`);
    for (const [script, name] of Object.entries(NAMES)) {
      const w = pageOf(name);
      expect(w.page, `${script} on the same page`).toBe(page);
      const s = DPI / 72;
      let dark = 0;
      let all = 0;
      for (let y = Math.floor(w.yMin * s); y < Math.ceil(w.yMax * s); y++)
        for (let x = Math.floor(w.xMin * s); x < Math.ceil(w.xMax * s); x++) {
          all++;
          if (pgm.pixels[y * pgm.width + x]! < 128) dark++;
        }
      expect(dark / all, `${script}: ink in the word's box`).toBeGreaterThan(0.04);
    }
    // The page as a person sees it, for the docs (and for looking at).
    poppler('pdftoppm', ['-r', '110', '-png', '-f', String(page), '-l', String(page), pdf, out]);
    const shots = screenshotDir(path.join(REPO, 'docs/screenshots'));
    mkdirSync(shots, { recursive: true });
    copyFileSync(
      `${out}-${String(page).padStart(String(pages).length, '0')}.png`,
      path.join(shots, 'report-pdf-scripts.png'),
    );
  });

  it('writes the public version without organisations', () => {
    const pdf = path.join(dir, 'report-public.pdf');
    const run = mosaic(['report', code, '--pdf', pdf, '--public']);
    expect(run.status, run.stderr).toBe(0);
    const text = poppler('pdftotext', [pdf, '-']).normalize('NFC');
    expect(text).toContain('Public version');
    for (const name of Object.values(NAMES)) expect(text).not.toContain(name.normalize('NFC'));
  });

  it('says how to install Chromium when it is missing, and how to name an event', () => {
    const pdf = path.join(dir, 'never.pdf');
    const missing = mosaic(['report', code, '--pdf', pdf], {
      CHROMIUM_PATH: path.join(dir, 'no-chromium'),
    });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('apt-get install -y chromium');
    expect(existsSync(pdf)).toBe(false);
    const unknown = mosaic(['report', 'NOSUCHCODE', '--pdf', pdf]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('no event with the id or join code "NOSUCHCODE"');
    const lang = mosaic(['report', code, '--pdf', pdf, '--lang', 'fr']);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('--lang must be one of en, th, vi, id, tl, zh, km, my');
  });
});
