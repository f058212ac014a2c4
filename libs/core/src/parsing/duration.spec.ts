import { DurationUnit, parseDuration, parseIsoDuration } from './duration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  describe('unit aliases of config.md §1', () => {
    const aliases: Array<[string[], number]> = [
      [['ms', 'msec', 'msecs'], 1],
      [['s', 'sec', 'secs', 'second', 'seconds'], SECOND],
      [['m', 'min', 'mins', 'minute', 'minutes'], MINUTE],
      [['h', 'hour', 'hours'], HOUR],
      [['d', 'day', 'days'], DAY],
      [['w', 'week', 'weeks'], 7 * DAY],
      [['month', 'months'], 30 * DAY],
      [['y', 'year', 'years'], 365 * DAY],
    ];
    const cases = aliases.flatMap(([units, factor]) => units.map((unit) => [unit, factor] as const));

    it.each(cases)('3%s is 3 × %d ms', (unit, factor) => {
      expect(parseDuration(`3${unit}`, 'ms')).toBe(3 * factor);
    });

    it.each(cases)('accepts a space before the unit: "7 %s"', (unit, factor) => {
      expect(parseDuration(`7 ${unit}`, 's')).toBe(7 * factor);
    });
  });

  describe('bare numbers take the default unit', () => {
    const defaults: Array<[DurationUnit, number]> = [
      ['ms', 1],
      ['s', SECOND],
      ['m', MINUTE],
      ['h', HOUR],
      ['d', DAY],
      ['y', 365 * DAY],
    ];
    it.each(defaults)('"12" with default unit %s', (unit, factor) => {
      expect(parseDuration('12', unit)).toBe(12 * factor);
    });

    it('an explicit unit wins over the default unit', () => {
      expect(parseDuration('500ms', 's')).toBe(500);
      expect(parseDuration('2s', 'ms')).toBe(2000);
    });

    it('zero is a duration (positivity is checked by the validators)', () => {
      expect(parseDuration('0', 's')).toBe(0);
      expect(parseDuration('0ms', 's')).toBe(0);
    });
  });

  describe('spaces and case', () => {
    it('trims surrounding spaces and accepts several spaces before the unit', () => {
      expect(parseDuration('  30 s  ', 'ms')).toBe(30 * SECOND);
      expect(parseDuration('5   minutes', 'ms')).toBe(5 * MINUTE);
      expect(parseDuration(' 45 ', 's')).toBe(45 * SECOND);
    });

    it.each([
      ['500MS', 500],
      ['500Ms', 500],
      ['30S', 30 * SECOND],
      ['5 Minutes', 5 * MINUTE],
      ['5 MINUTES', 5 * MINUTE],
      ['2H', 2 * HOUR],
      ['1 Day', DAY],
      ['1W', 7 * DAY],
      ['2 MONTHS', 60 * DAY],
      ['1Y', 365 * DAY],
    ])('units are case-insensitive: %s', (text, ms) => {
      expect(parseDuration(text, 's')).toBe(ms);
    });
  });

  describe('rejects', () => {
    it.each([
      '-5',
      '-5s',
      '- 5s',
      '',
      '   ',
      's',
      'ms',
      'abc',
      '10 parsecs',
      '10 sec s',
      '1.5s',
      '1,5s',
      '5 mo',
      '5 fortnights',
      '5s5',
      '1h30m',
      '0x10',
      '+5s',
      'PT12H',
    ])('%j', (text) => {
      expect(parseDuration(text, 's')).toBeUndefined();
    });
  });
});

describe('parseIsoDuration', () => {
  it.each([
    ['PT12H', 12 * HOUR],
    ['P1D', DAY],
    ['PT90M', 90 * MINUTE],
    ['PT30S', 30 * SECOND],
    ['PT0.5S', 500],
    ['P1DT2H', DAY + 2 * HOUR],
    ['P2DT3H4M5S', 2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND],
    ['pt12h', 12 * HOUR],
    [' PT1H ', HOUR],
  ])('%s', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each([
    'P',
    'PT',
    'p',
    'pt',
    'P1DT',
    '',
    '12h',
    'PT-1H',
    'P1W',
    'P1Y',
    'P1M',
    'T12H',
    'PT12',
    'PT1H extra',
    'PTH',
  ])('rejects %j', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });
});
