/**
 * Issue 11, point 8 (and "error codes, not sentences"): the web app translates the server's codes;
 * it never turns the server's English sentences back into meanings with regular expressions. The
 * sources of src/web are parsed (TypeScript's own parser) and two things are refused:
 *  - a regular expression applied to something named like a server answer's words
 *    (`message`, `error`, `reason`, `detail`), as `re.test(x)`, `re.exec(x)`, `x.match(re)`,
 *    `x.replace(re, …)`, `x.search(re)`, `x.split(re)`;
 *  - a regular expression whose pattern holds English words (two or more words of letters
 *    separated by spaces, such as /must not be empty/): none of the app's own patterns needs one.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB = path.join(import.meta.dirname, '../../src/web');
const WORDS_OF_AN_ANSWER = /\b(message|error|errors|reason|detail|details)\b/i;
const ENGLISH_PHRASE = /[A-Za-z]{2,} +[A-Za-z]{2,}/;
const REGEX_METHODS_ON_TEXT = new Set([
  'match',
  'matchAll',
  'replace',
  'replaceAll',
  'search',
  'split',
]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Findings in one file's text, each `line: what`. */
export function englishParsing(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const isRegex = (n: ts.Node | undefined): boolean =>
    !!n &&
    (ts.isRegularExpressionLiteral(n) ||
      ((ts.isNewExpression(n) || ts.isCallExpression(n)) &&
        ts.isIdentifier(n.expression) &&
        n.expression.text === 'RegExp'));
  const visit = (n: ts.Node) => {
    if (ts.isRegularExpressionLiteral(n)) {
      const pattern = n.text.slice(1, n.text.lastIndexOf('/'));
      if (ENGLISH_PHRASE.test(pattern)) found.push(`${at(n)}: English words in ${n.text}`);
    }
    if (ts.isNewExpression(n) || ts.isCallExpression(n)) {
      const [first] = n.arguments ?? [];
      if (
        isRegex(n) &&
        first &&
        (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)) &&
        ENGLISH_PHRASE.test(first.getText(sf))
      )
        found.push(`${at(n)}: English words in ${n.getText(sf)}`);
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const target = n.expression.expression;
      const [first] = n.arguments;
      // re.test(answer) / re.exec(answer)
      if (
        (method === 'test' || method === 'exec') &&
        first &&
        WORDS_OF_AN_ANSWER.test(first.getText(sf))
      )
        if (isRegex(target) || /re|regex|pattern/i.test(target.getText(sf)))
          found.push(`${at(n)}: regular expression over ${first.getText(sf)}`);
      // answer.match(re) and the like
      if (
        REGEX_METHODS_ON_TEXT.has(method) &&
        isRegex(first) &&
        WORDS_OF_AN_ANSWER.test(target.getText(sf))
      )
        found.push(`${at(n)}: regular expression over ${target.getText(sf)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('the web app reads codes, not English sentences', () => {
  it('finds the kinds of parsing it forbids (the checker works)', () => {
    const bad = [
      "if (/must not be empty|received undefined/i.test(m)) return t('errors.required');",
      "if (/repeat/i.test(err.message)) return 'dup';",
      'const hit = field.message.match(/at most (\\d+)/);',
      "const re = new RegExp('not among the countries'); re.test(x);",
      'const m = body.error.replace(/^\\w+: /, "");',
    ];
    for (const line of bad) expect(englishParsing('bad.ts', line), line).not.toEqual([]);
    // the app's own patterns over its own values stay allowed
    const fine = [
      "if (!/^[^\\s@]+@[^\\s@]+$/.test(form.email.trim())) e.email = t('setup.errors.email');",
      "const code = s.replace(/[\\s-]+/g, '').toUpperCase();",
      "setMsg(t('sheets.manage.failed', { message: r.message }));",
    ];
    for (const line of fine) expect(englishParsing('fine.ts', line), line).toEqual([]);
  });

  it('no source of src/web applies a regular expression to the server’s words', () => {
    const files = sources(WEB);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) =>
      englishParsing(f, fs.readFileSync(f, 'utf8')).map((x) => `${path.relative(WEB, f)}:${x}`),
    );
    expect(found).toEqual([]);
  });
});
