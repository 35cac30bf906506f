import { describe, expect, it } from 'vitest';
import { addMonths, firstDayOfWeek, formatMonth, monthWeeks, weekdayNames } from './calendar-grid.ts';

describe('month calendars', () => {
  it('start weeks on Sunday in English and on Monday in French and Spanish', () => {
    expect(firstDayOfWeek('en')).toBe(7);
    expect(firstDayOfWeek('fr')).toBe(1);
    expect(firstDayOfWeek('es')).toBe(1);
  });

  it('lay out December 2026 (which begins on a Tuesday) in full weeks', () => {
    const sundayFirst = monthWeeks('2026-12', 7);
    expect(sundayFirst[0]).toEqual([undefined, undefined, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    expect(sundayFirst.at(-1)).toEqual(['2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', undefined, undefined]);
    const mondayFirst = monthWeeks('2026-12', 1);
    expect(mondayFirst[0]?.slice(0, 2)).toEqual([undefined, '2026-12-01']);
    expect(mondayFirst.flat().filter(Boolean)).toHaveLength(31);
    // February 2026 begins on a Sunday and fills exactly four Sunday-first weeks.
    expect(monthWeeks('2026-02', 7)).toHaveLength(4);
  });

  it('name weekdays and months in the site’s language', () => {
    expect(weekdayNames('en', 7)[0]).toEqual({ short: 'Sun', long: 'Sunday' });
    expect(weekdayNames('fr', 1).map((name) => name.long)).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('2026-12', 'es')).toBe('diciembre de 2026');
  });

  it('step from month to month across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
