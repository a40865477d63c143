import { parse, stringify, validate, version } from 'uuid';
import { newId } from './ids';

describe('newId', () => {
  it('is a UUID v7, in lower case, as uuid writes it', () => {
    for (let i = 0; i < 1000; i += 1) {
      const id = newId();
      expect(validate(id) && version(id)).toBe(7);
      expect(stringify(parse(id))).toBe(id);
    }
  });

  it('is new each time and in creation order, within a millisecond too', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('newId, past its pool of random bytes and its counter', () => {
  it('stays in creation order across refills of its random bytes (256 ids each)', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    // the last five bytes are random alone: a pool not refilled would repeat them every 256 ids
    expect(new Set(ids.map((id) => id.slice(-10))).size).toBe(1000);
  });

  it('keeps creation order while the clock stands still (the counter counts)', () => {
    jest.useFakeTimers({ now: new Date('2027-01-12T09:00:00.000Z') });
    try {
      const ids = Array.from({ length: 5000 }, () => newId());
      expect([...ids].sort()).toEqual(ids);
      const ms = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
      expect(ms(ids[0])).toBeGreaterThanOrEqual(Date.parse('2027-01-12T09:00:00.000Z'));
    } finally {
      jest.useRealTimers();
    }
  });
});
