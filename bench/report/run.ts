/**
 * The event report as a PDF (`mosaic report <event> --pdf`), timed end to end as the CLI runs it:
 * Mosaic started in-process on the database, Chromium launched, the page drawn (map, charts,
 * fonts), the PDF written. Baseline: the demo event's report as seeded, in the same run. Then the
 * same event grown to a report of at least 20 pages (more café cards — the members' version quotes
 * every card — in the region's scripts, and more participants and organisations), members' and
 * public versions. Median of REPEAT runs each. Writes docs/benchmarks.md between the report
 * markers and one JSON summary line: `npm run bench:report` (needs `npm run build:web`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { renderReportPdf } from '../../src/cli/report-pdf.ts';
import { migrateToLatest, openDb } from '../../src/server/db/index.ts';
import { insertCard } from '../../src/server/db/repos/cards.ts';
import { insertAssignment, listCoalitionFactors } from '../../src/server/db/repos/factors.ts';
import { insertParticipants } from '../../src/server/db/repos/events.ts';
import { DEFAULT_WEB_ROOT } from '../../src/server/main.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { CARD_KINDS, CARD_LEVELS } from '../../src/contract/constants.ts';
import { fromJson } from '../../src/server/db/json.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const REPEAT = 3;
const TARGET_PAGES = 20;

const dir = mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-report-'));
const { db, backend } = openDb({ dataDir: dir });
await migrateToLatest(db);
await seedDemo(db);
const event = await db.selectFrom('events').selectAll().executeTakeFirstOrThrow();

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object per page. */
const pagesOf = (file: string) =>
  (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

async function measure(label: string, view: 'members' | 'public', repeat = REPEAT) {
  const ms: number[] = [];
  const drawn: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const out = path.join(dir, `r-${view}-${i}.pdf`);
    const t0 = performance.now();
    const r = await renderReportPdf({
      db,
      backend,
      event: event.id,
      out,
      view,
      lang: 'en',
      webRoot: DEFAULT_WEB_ROOT,
    });
    ms.push(performance.now() - t0);
    drawn.push(r.drawnMs);
    pages = pagesOf(out);
    bytes = r.bytes;
  }
  ms.sort((a, b) => a - b);
  drawn.sort((a, b) => a - b);
  const row = {
    label,
    view,
    pages,
    kb: Math.round(bytes / 1024),
    median: ms[Math.floor(repeat / 2)]!,
    min: ms[0]!,
    html: drawn[Math.floor(repeat / 2)]!,
  };
  console.log(
    `${label} (${view}): ${pages} pages, ${row.kb} KB, median ${row.median.toFixed(0)} ms`,
  );
  return row;
}

const SAMPLES = [
  'Recruitment fees paid with borrowed money, debt grows every month',
  'ค่านายหน้าสูง ต้องกู้เงินนอกระบบก่อนเดินทาง',
  'ឪពុកម្តាយជំពាក់បំណុល ហើយកូនត្រូវទៅធ្វើការនៅបរទេស',
  'အလုပ်ရှင်က နိုင်ငံကူးလက်မှတ်ကို သိမ်းထားသည်',
  'Nợ phí môi giới quá cao, không thể bỏ việc',
  '中介费太高，只能借高利贷出国打工',
];

/**
 * More café cards (every issue, both kinds, every level; most confirmed under a factor of their
 * kind, so the sheets' factor charts and the overlap heatmaps have something to draw) and more
 * people from more organisations.
 */
async function grow(cards: number, people: number) {
  const issues = fromJson(event.issues);
  const at = new Date().toISOString();
  const kinds = CARD_KINDS;
  const levels = CARD_LEVELS;
  const factors = await listCoalitionFactors(db, event.coalition_id);
  const ofKind = (kind: string) => factors.filter((f) => f.kind === kind && f.status === 'active');
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < cards; i++) {
      const id = randomUUID();
      const kind = kinds[i % 2]!;
      await insertCard(trx, {
        id,
        eventId: event.id,
        issueKey: issues[i % issues.length]!.key,
        kind,
        level: levels[Math.floor(i / 2) % 4]!,
        text: `${SAMPLES[i % SAMPLES.length]} (${i + 1})`,
        tags: { forms: [], sectors: [], populations: [], ilo: [] },
        tableId: null,
        round: null,
        participantId: null,
        userId: null,
        version: 1,
        deleted: false,
        createdAt: at,
        updatedAt: at,
      });
      const choice = ofKind(kind === 'cause' ? 'cause' : 'consequence');
      if (i % 5 !== 4 && choice.length > 0)
        await insertAssignment(trx, {
          event_id: event.id,
          card_id: id,
          n: 1,
          factor_id: choice[(i * 7) % choice.length]!.factor_id,
          by_user: null,
          at,
          undo_of: null,
        });
    }
    const countries = ['TH', 'KH', 'MM', 'VN', 'CN', 'LA', 'PH', 'ID', 'MY', 'BD'];
    const sectors = ['ngo', 'government', 'research', 'survivorLed', 'faith', 'un'] as const;
    await insertParticipants(
      trx,
      Array.from({ length: people }, (_, i) => ({
        id: randomUUID(),
        eventId: event.id,
        name: `Bench participant ${i + 1}`,
        organisation: `Bench organisation ${Math.floor(i / 2) + 1}`,
        sector: sectors[i % sectors.length]!,
        country: countries[i % countries.length]!,
        choices: [],
        languages: [],
        email: null,
        status: 'expected',
        joinedAt: null,
        personalCodeHash: null,
        position: 1000 + i,
        createdAt: at,
      })),
    );
  });
}

const rows = [];
try {
  rows.push(await measure('demo event as seeded (baseline)', 'members'));
  // Grow until the members' report has at least TARGET_PAGES pages (one render per step).
  await grow(450, 80);
  let probe = await measure('grown event', 'members', 1);
  while (probe.pages < TARGET_PAGES) {
    await grow(100, 20);
    probe = await measure('grown event', 'members', 1);
  }
  const big = await measure('grown event', 'members');
  rows.push(big);
  rows.push(await measure('grown event', 'public'));
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}

const counts = rows[1]!;
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const section = [
  '<!-- report:start -->',
  '## Event report PDF (`bench/report`)',
  '',
  `Command: \`npm run bench:report\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${load}; Chromium at /usr/bin/chromium, SQLite.`,
  '',
  `End to end as \`mosaic report <event> --pdf\` runs it (\`renderReportPdf\`): Mosaic built and listening in-process, Chromium launched, the report page drawn (map, charts, fonts), the PDF written; median of ${REPEAT} runs. Baseline: the demo event as seeded, same run. The grown event has more café cards (in English, Thai, Khmer, Burmese, Vietnamese and Chinese; the members' version quotes every card) and more participants, until its report has at least ${TARGET_PAGES} pages. Target: a ${TARGET_PAGES}-page report in under 10 s.`,
  '',
  'Sections drawn: participation, café sheets by issue (with factor charts), overlap heatmaps, spectrum, atlas map and gaps, learnings by theme, roadmaps and commitments. "HTML" is the time until the page reports every section drawn (`data-report-ready`, fonts loaded), counted from Chromium\'s launch; "PDF" is the whole run including it (median of each).',
  '',
  '| report | version | pages | PDF size | HTML drawn (median) | PDF written (median) | PDF fastest |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.view} | ${r.pages} | ${r.kb} KB | ${(r.html / 1000).toFixed(2)} s | ${(r.median / 1000).toFixed(2)} s | ${(r.min / 1000).toFixed(2)} s |`,
  ),
  '<!-- report:end -->',
].join('\n');
const doc = here('../../docs/benchmarks.md');
const current = readFileSync(doc, 'utf8');
const re = /<!-- report:start -->[\s\S]*<!-- report:end -->/;
writeFileSync(
  doc,
  re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}\n`,
);
console.log(
  JSON.stringify({
    bench: 'report',
    baseline: { pages: rows[0]!.pages, medianMs: Math.round(rows[0]!.median) },
    members: {
      pages: counts.pages,
      medianMs: Math.round(counts.median),
      htmlMs: Math.round(counts.html),
    },
    public: { pages: rows[2]!.pages, medianMs: Math.round(rows[2]!.median) },
    underTarget: counts.median < 10_000,
  }),
);
console.log('docs/benchmarks.md updated');
