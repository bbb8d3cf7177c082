/**
 * bench/suggest: accuracy and speed of the factor suggester on the labelled fixture
 * (test/fixtures/factor-cards.csv). Train = the cards of two events (what a coalition confirmed
 * first); test = the cards of the other events, never seen before they are scored. Writes the
 * figures into docs/benchmarks.md between the suggest markers; `--json` prints one line last.
 *   npm run bench:suggest -- [--json] [--no-write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { evaluate, evaluateProbe, PROBE_SETS, type Accuracy } from './evaluate.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const log = (s: string) => (json ? process.stderr.write(`${s}\n`) : console.log(s));

const e = evaluate();
const f = (a: Accuracy | undefined) =>
  a ? `${a.top1.toFixed(3)} | ${a.top3.toFixed(3)} | ${a.n}` : '– | – | 0';
const names: Record<string, string> = {
  en: 'English',
  th: 'Thai',
  vi: 'Vietnamese',
  id: 'Indonesian / Malay',
  tl: 'Tagalog',
  zh: 'Chinese',
  km: 'Khmer',
  my: 'Burmese',
};
const rows = [
  '| cards | before learning: top-1 | top-3 | n | after learning the train events: top-1 | top-3 | n |',
  '|---|---:|---:|---:|---:|---:|---:|',
  `| **all held-out** | ${f(e.before.all)} | ${f(e.after.all)} |`,
  `| **non-English** | ${f(e.before.nonEnglish)} | ${f(e.after.nonEnglish)} |`,
  `| paraphrases (cmb-2025) | ${f(e.before.paraphrases)} | ${f(e.after.paraphrases)} |`,
  ...Object.keys(names).map(
    (l) => `| ${names[l]} | ${f(e.before.langs[l])} | ${f(e.after.langs[l])} |`,
  ),
];
const probes = PROBE_SETS.map((set) => evaluateProbe(set));
const short = (a: Accuracy | undefined) =>
  a ? `${a.top1.toFixed(3)} / ${a.top3.toFixed(3)}` : '–';
const probeRows = [
  `| set | cards | default vocabulary: top-1 | top-3 | non-English top-1 | after learning the fixture: top-1 | top-3 | non-English top-1 | ${Object.keys(
    names,
  )
    .map((l) => names[l])
    .join(' | ')} |`,
  `|---|---:|---:|---:|---:|---:|---:|---:|${Object.keys(names)
    .map(() => '---:')
    .join('|')}|`,
  ...probes.map(
    (p) =>
      `| ${p.set.toUpperCase()} | ${p.before.all.n} | ${p.before.all.top1.toFixed(3)} | ${p.before.all.top3.toFixed(3)} | ${p.before.nonEnglish.top1.toFixed(3)} | ${p.after.all.top1.toFixed(3)} | ${p.after.all.top3.toFixed(3)} | ${p.after.nonEnglish.top1.toFixed(3)} | ${Object.keys(
        names,
      )
        .map((l) => short(p.before.langs[l]))
        .join(' | ')} |`,
  ),
];
const section = [
  '<!-- suggest:start -->',
  '## Factor suggestions (`bench/suggest`)',
  '',
  `Command: \`npm run bench:suggest\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores.`,
  '',
  `Fixture \`test/fixtures/factor-cards.csv\`: ${e.cards} labelled cards in eight languages over five events. The suggester learns the ${e.train} cards of two events (bkk-2023, pnh-2024: a coalition's confirmed assignments) and is scored on the ${e.test} cards of the other three (mnl-2024, jkt-2025 and cmb-2025, a set of paraphrases written to avoid the keywords' wording and never used while tuning). "Before" is the default vocabulary alone. Whole fixture, default vocabulary: top-1 ${e.wholeFixture.top1.toFixed(3)}, top-3 ${e.wholeFixture.top3.toFixed(3)}.`,
  '',
  ...rows,
  '',
  `Time per card (after learning, three suggestions): p50 ${e.p50Ms} ms, **p95 ${e.p95Ms} ms**; building the index of the default vocabulary: ${e.buildMs} ms (once per process or coalition). Load average at the start: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')}.`,
  '',
  'The keywords and the fixture were written by the same engineer, so the figures on the first four events are an upper bound; the cmb-2025 paraphrases are the fairer test of wording nobody anticipated. See `docs/factors.md`.',
  '',
  "### Outside tester's held-out cards",
  '',
  `\`test/fixtures/factor-cards-probe-a.csv\` and \`-b.csv\`: ${probes.reduce((n, p) => n + p.before.all.n, 0)} cards written by a second engineer who had not seen the keywords, sticky-note style (abbreviations, typos, slang, Taglish and other mixed English, Vietnamese without diacritics, Thai and Khmer without spaces, traditional and simplified Chinese, one-word cards and long ones), eight languages, each labelled with a default factor. Set A was used to look for failures; set B was written before anything changed and only measured, at the start and the end. Per-language columns: default vocabulary, top-1 / top-3. The same figures through the CLI: \`mosaic factors suggest --in test/fixtures/factor-cards-probe-b.csv --format json\` (the \`factor\` and \`lang\` columns are ignored by the command and compared afterwards).`,
  '',
  ...probeRows,
  '',
  'Both sets are above the targets (top-1 ≥ 0.75, top-3 ≥ 0.90, non-English top-1 ≥ 0.65) with the default vocabulary alone, so the suggester was left as it was: set B measured the same at the start and at the end. The tester knew the factor descriptions of `factors.md` (not the keywords), so the cards may lean towards their wording. What set A showed going wrong, open: long Thai and Chinese cards are ranked by their function words (ไม่, มา, ไป; 人, 个) once no keyword matches; traditional Chinese matches only where a keyword was written in both scripts (詐騙園區); an unaccented English word can match a Vietnamese keyword whose marks fold to it ("loan" ← "hoảng loạn", psychological trauma).',
  '<!-- suggest:end -->',
].join('\n');

for (const r of [...rows, ...probeRows]) log(r);
log(`p50 ${e.p50Ms} ms, p95 ${e.p95Ms} ms per card; index ${e.buildMs} ms`);
if (!args.includes('--no-write')) {
  const file = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
  const current = readFileSync(file, 'utf8');
  const re = /<!-- suggest:start -->[\s\S]*<!-- suggest:end -->/;
  writeFileSync(
    file,
    re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}\n`,
  );
}
if (json)
  console.log(
    JSON.stringify({
      cards: e.cards,
      top1: e.after.all.top1,
      top3: e.after.all.top3,
      top1_before: e.before.all.top1,
      top3_before: e.before.all.top3,
      top1_non_english: e.after.nonEnglish.top1,
      p50_ms: e.p50Ms,
      p95_ms: e.p95Ms,
    }),
  );
