import { moneyToCents } from '@/lib/orders/ingest';

describe('moneyToCents', () => {
  test.each([
    ['5000', 500_000],
    ['0.01', 1],
    ['21.3', 2130],
    ['0.29', 29],
    ['4.99', 499],
    ['19.999', 2000],
    ['19.994', 1999],
    ['-1.50', -150],
    [' 7.25 ', 725],
    ['', 0],
    [undefined, 0],
  ])('%p → %p cents', (amount, cents) => {
    expect(moneyToCents(amount)).toBe(cents);
  });

  test.each(['12,50', '1e3', 'abc', '$5', '1.2.3'])('refuses %p', (amount) => {
    expect(() => moneyToCents(amount)).toThrow(TypeError);
  });
});
