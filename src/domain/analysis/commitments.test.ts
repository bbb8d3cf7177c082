import { describe, expect, it } from 'vitest';
import { dayOf, standing } from './commitments.ts';

describe('where a commitment stands, by the calendar of its time zone', () => {
  const facts = (targetDate: string, timeZone?: string) => ({
    status: 'planned',
    targetDate,
    progressAt: '2027-01-01T00:00:00.000Z',
    timeZone,
  });

  it('today is the day in the time zone: Bangkok is ahead of UTC, Los Angeles behind', () => {
    const at = new Date('2027-01-31T18:30:00Z');
    expect(dayOf(at)).toBe('2027-01-31');
    expect(dayOf(at, 'UTC')).toBe('2027-01-31');
    expect(dayOf(at, 'Asia/Bangkok')).toBe('2027-02-01');
    expect(dayOf(new Date('2027-02-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2027-01-31');
    expect(dayOf(at, 'Not/AZone')).toBe('2027-01-31');
  });

  it('due on the target day there, overdue from the next day there', () => {
    const at = new Date('2027-01-31T18:30:00Z'); // 01:30 on 1 February in Bangkok
    expect(standing(facts('2027-01-31'), at)).toMatchObject({ due: true, overdue: false });
    expect(standing(facts('2027-01-31', 'Asia/Bangkok'), at)).toMatchObject({
      due: false,
      overdue: true,
    });
    expect(standing(facts('2027-02-01', 'Asia/Bangkok'), at)).toMatchObject({
      due: true,
      overdue: false,
    });
    // a leap day
    expect(
      standing(facts('2028-02-29', 'Asia/Bangkok'), new Date('2028-02-28T17:00:00Z')),
    ).toMatchObject({ due: true });
  });
});
