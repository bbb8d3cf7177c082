import { describe, expect, it } from 'vitest';
import {
  byName,
  displayName,
  indexGroups,
  indexKey,
  keyRange,
  matchesPerson,
  nameKey,
  nameQualifiers,
  OTHER_KEY,
} from './names.ts';

const p = (id: string, name: string, organisation: string) => ({ id, name, organisation });

describe('telling people of one name apart', () => {
  it('qualifies only shared names, by organisation', () => {
    const people = [
      p('1', 'Aung Min', 'IJM'),
      p('2', 'Aung  min', 'UNODC'),
      p('3', 'Somchai Jaidee', 'DSI'),
    ];
    const q = nameQualifiers(people);
    expect(q.get('1')).toBe('IJM');
    expect(q.get('2')).toBe('UNODC');
    expect(q.get('3')).toBeNull();
    expect(displayName(people[0]!, q)).toBe('Aung Min (IJM)');
    expect(displayName(people[2]!, q)).toBe('Somchai Jaidee');
  });

  it('counts names that differ only in accents, case or a stroke as the same name', () => {
    expect(nameKey('Nguyễn Văn  An')).toBe(nameKey('nguyen van an'));
    expect(nameKey('Đặng Thị Hoa')).toBe(nameKey('Dang Thi Hoa'));
    expect(nameKey('王伟')).not.toBe(nameKey('王芳'));
    const q = nameQualifiers([p('a', 'Nguyễn Văn An', 'A'), p('b', 'Nguyen Van An', 'B')]);
    expect([q.get('a'), q.get('b')]).toEqual(['A', 'B']);
  });

  it('numbers two people of one organisation who share a name, in roster order', () => {
    const q = nameQualifiers([
      p('x', '王伟', 'Hope Shelter'),
      p('y', '王伟', 'hope shelter '),
      p('z', '王伟', 'Police'),
    ]);
    expect([q.get('x'), q.get('y'), q.get('z')]).toEqual([
      'Hope Shelter 1',
      'hope shelter 2',
      'Police',
    ]);
  });
});

describe('index letters', () => {
  it.each([
    ['Aung Min', 'A'],
    ['ångström', 'A'],
    ['Đặng Văn Lâm', 'D'],
    ['Ömer', 'O'],
    ['Łukasz', 'L'],
    ['  "Zaw" Min', 'Z'],
    ['สมชาย ใจดี', 'ส'],
    ['เสกสรร ใจดี', 'ส'], // a preposed vowel is skipped, as Thai dictionaries do
    ['ใจ', 'จ'],
    ['王伟', '王'],
    ['ស្រីមុំ', 'ស'],
    ['မောင်မောင်', 'မ'],
    ['क्षमा', 'क'],
    ['ক্ষমা', 'ক'],
    ['김민준', 'ㄱ'],
    ['Иван', 'И'],
    ['42 Street', OTHER_KEY],
    ['', OTHER_KEY],
  ])('%s → %s', (name, key) => expect(indexKey(name)).toBe(key));

  it('groups sorted names, one group per letter, Latin before other scripts', () => {
    const names = [
      'Zaw Min',
      'เสกสรร ใจดี',
      'สมชาย',
      'Đặng Văn Lâm',
      'Dao Thi',
      '王伟',
      '李娜',
      'Ångström',
      'Aung',
      'ศิริพร',
      'Ömer',
      '王芳',
    ];
    const groups = indexGroups(names, (n) => n, 'en');
    expect(groups.map((g) => g.key)).toEqual(['A', 'D', 'O', 'Z', 'ศ', 'ส', '李', '王']);
    expect(groups.find((g) => g.key === 'D')!.items).toEqual(['Đặng Văn Lâm', 'Dao Thi']);
    expect(groups.find((g) => g.key === 'ส')!.items).toEqual(['สมชาย', 'เสกสรร ใจดี']);
    expect(groups.find((g) => g.key === '王')!.items).toHaveLength(2);
    expect(groups.flatMap((g) => g.items)).toHaveLength(names.length);
  });

  it('keeps one group per letter even when the collation files a folded letter apart', () => {
    // Vietnamese sorts Đ as its own letter after every D: still one D group.
    const groups = indexGroups(['Đinh', 'Dao', 'Duy', 'Em'], (n) => n, 'vi');
    expect(groups.map((g) => g.key)).toEqual(['D', 'E']);
    expect(groups[0]!.items).toHaveLength(3);
  });

  it('names a screen by ranges per script', () => {
    expect(keyRange(['A', 'B', 'F', 'ก', 'ส', '王'])).toBe('A–F · ก–ส · 王');
    expect(keyRange(['M'])).toBe('M');
    expect(keyRange([])).toBe('');
  });
});

describe('sorting and searching people', () => {
  it('sorts with the locale collation and numbers in order', () => {
    const sorted = byName(
      [{ name: 'Person 10' }, { name: 'person 2' }, { name: 'Ánh' }, { name: 'Anan' }],
      'en',
    ).map((x) => x.name);
    expect(sorted).toEqual(['Anan', 'Ánh', 'person 2', 'Person 10']);
  });

  it('finds by name or organisation, accents and case ignored', () => {
    const x = p('1', 'Nguyễn Thị Hoa', 'Pacific Links');
    expect(matchesPerson(x, 'nguyen')).toBe(true);
    expect(matchesPerson(x, 'PACIFIC')).toBe(true);
    expect(matchesPerson(x, 'hoa pac')).toBe(true);
    expect(matchesPerson(x, 'IJM')).toBe(false);
    expect(matchesPerson(x, '  ')).toBe(true);
  });
});
