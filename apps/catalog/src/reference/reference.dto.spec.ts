import { DEPARTMENT } from './reference.dto';

describe('department codes', () => {
  it('takes two or three digits, and Corse’s 2A and 2B', () => {
    for (const code of ['31', '973', '2A', '2B']) expect(DEPARTMENT.test(code)).toBe(true);
    for (const code of ['2C', '3A', '9', '9740', '97A', '']) expect(DEPARTMENT.test(code)).toBe(false);
  });
});
