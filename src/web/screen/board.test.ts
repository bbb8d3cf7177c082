import { describe, expect, it } from 'vitest';
import { boardEntries, fitBoard, marginLetter, paginate } from './board.ts';

const line = (name: string, i: number) => ({
  id: `p${i}`,
  name,
  qualifier: null,
  where: `Table ${(i % 15) + 1}`,
});

describe('the name board', () => {
  const names = ['Zaw Min', 'สมชาย', 'Aung', 'Anan', '王伟', 'Bopha', 'เสกสรร', 'Ömer'];
  const entries = boardEntries(names.map(line), 'en');

  it('files entries under their letters in name order', () => {
    expect(entries.map((e) => `${e.key}:${e.name}`)).toEqual([
      'A:Anan',
      'A:Aung',
      'B:Bopha',
      'O:Ömer',
      'Z:Zaw Min',
      'ส:สมชาย',
      'ส:เสกสรร',
      '王:王伟',
    ]);
  });

  it('cuts screens and names each by its letters', () => {
    const pages = paginate(entries, 3);
    expect(pages.map((p) => p.range)).toEqual(['A–B', 'O–Z · ส', 'ส · 王']);
    expect(pages.flatMap((p) => p.entries)).toEqual(entries);
    expect(paginate([], 10)).toEqual([{ entries: [], range: '' }]);
  });

  it('shows a letter where its group starts and atop a column it runs on into', () => {
    const rows = 2;
    expect(entries.map((_, i) => marginLetter(entries, i, rows))).toEqual([
      'start', // A
      null,
      'start', // B
      'start', // O
      'start', // Z
      'start', // ส
      'continued', // ส, top of the 4th column
      'start', // 王
    ]);
  });

  it('picks the largest type that fits three screens, shrinking only as needed', () => {
    const box = { width: 1824, height: 760 };
    const m = { rowEm: 1.5, columnEm: 18 };
    const opts = { minPx: 20, maxPx: 33, maxPages: 3 };
    const small = fitBoard(30, box, m, opts);
    expect(small).toMatchObject({ fontPx: 33, pages: 1 });
    const room = fitBoard(150, box, m, opts);
    expect(room.pages).toBeLessThanOrEqual(3);
    expect(room.rows * room.columns * 3).toBeGreaterThanOrEqual(150);
    // one px larger would not fit in three
    const bigger = fitBoard(150, box, m, { ...opts, maxPx: room.fontPx + 1, minPx: room.fontPx });
    expect(bigger.fontPx === room.fontPx || bigger.pages > 3).toBe(true);
    // a hall of 600 takes as many screens as it needs at the smallest size
    const hall = fitBoard(600, box, m, opts);
    expect(hall.fontPx).toBe(20);
    expect(hall.pages).toBe(Math.ceil(600 / (hall.rows * hall.columns)));
  });
});
