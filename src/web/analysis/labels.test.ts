import { describe, expect, it } from 'vitest';
import { overlapArea, placeLabels, textWidth } from './labels.ts';

const bounds = { x: -400, y: -400, w: 800, h: 800 };

describe('network label placement', () => {
  it('keeps the labels of close nodes on one line from covering each other', () => {
    // Three factors shared by the same two forms sit close together on the line between them:
    // the layout that drew their labels on top of each other.
    const names = ['Unregulated recruiters and brokers', 'Poverty', 'Few safe legal pathways'];
    const requests = names.map((text, i) => ({
      id: `f${i}`,
      x: -120 + 30 * i,
      y: 10 - 4 * i,
      r: 7,
      text,
      fontSize: 12,
    }));
    const placed = placeLabels(requests, [], bounds);
    expect(placed.map((p) => p.id)).toEqual(['f0', 'f1', 'f2']);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        expect(overlapArea(placed[i]!.box, placed[j]!.box)).toBe(0);
    // ...nor any node.
    for (const p of placed)
      for (const q of requests)
        expect(overlapArea(p.box, { x: q.x - q.r, y: q.y - q.r, w: 2 * q.r, h: 2 * q.r })).toBe(0);
  });

  it('avoids obstacles and says when a label had to move away from its node', () => {
    const obstacle = { x: -100, y: -60, w: 200, h: 55 }; // everything just above the node
    const [p] = placeLabels(
      [{ id: 'a', x: 0, y: 0, r: 7, text: 'Debt', fontSize: 12 }],
      [obstacle],
      bounds,
    );
    expect(overlapArea(p!.box, obstacle)).toBe(0);
    expect(p!.box.y).toBeGreaterThanOrEqual(7); // first free place: below
    expect(p!.leader).toBeNull();
  });

  it('is the same picture every time and counts wide scripts wider', () => {
    const req = [{ id: 'a', x: 0, y: 0, r: 7, text: 'Poverty', fontSize: 12 }];
    expect(placeLabels(req, [], bounds)).toEqual(placeLabels(req, [], bounds));
    expect(textWidth('债务', 12)).toBeGreaterThan(textWidth('ab', 12));
  });
});
