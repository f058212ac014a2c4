import { epochMsOfWallTime, instantOfWallTime, toIanaZone, wallTimeIn, zoneOffsetMs } from './time-zones';

describe('time zones', () => {
  it('maps Windows names and vendor-prefixed ids to IANA ids', () => {
    expect(toIanaZone('Europe/Paris')).toBe('Europe/Paris');
    expect(toIanaZone('Romance Standard Time')).toBe('Europe/Paris');
    expect(toIanaZone('/freeassociation.sourceforge.net/Tzfile/Europe/Berlin')).toBe('Europe/Berlin');
    expect(toIanaZone('Mars/Olympus')).toBeUndefined();
  });

  it('reads wall times across DST changes', () => {
    const wall = { year: 2025, month: 3, day: 30, hour: 1, minute: 30, second: 0 };
    expect(instantOfWallTime(wall, 'Europe/Paris').toISOString()).toBe('2025-03-30T00:30:00.000Z');
    expect(instantOfWallTime({ ...wall, hour: 3, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2025-03-30T01:00:00.000Z',
    );
    expect(instantOfWallTime({ ...wall, hour: 2, minute: 30 }, 'Europe/Paris').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    const overlap = { year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 };
    expect(instantOfWallTime(overlap, 'Europe/Paris').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(wallTimeIn(new Date('2025-05-12T07:30:00Z'), 'Asia/Ho_Chi_Minh')).toMatchObject({ hour: 14 });
  });

  it('gives the same instant as epoch milliseconds and reads offsets', () => {
    const wall = { year: 2030, month: 5, day: 12, hour: 9, minute: 30, second: 0 };
    expect(epochMsOfWallTime(wall, 'Europe/Paris')).toBe(Date.UTC(2030, 4, 12, 7, 30));
    expect(zoneOffsetMs(Date.UTC(2030, 0, 1), 'Europe/Paris')).toBe(3_600_000);
    expect(wallTimeIn(Date.UTC(2030, 4, 12, 7, 30), 'Europe/Paris')).toEqual(wall);
  });

  it('unquotes TZIDs and keeps undefined for nothing', () => {
    expect(toIanaZone('"America/New_York"')).toBe('America/New_York');
    expect(toIanaZone(undefined)).toBeUndefined();
    expect(toIanaZone('Paris')).toBeUndefined();
  });
});
