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
