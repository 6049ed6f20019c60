import {
  formatChange,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatMoney,
  pluralize,
} from '@/emails/components/format';

describe('email formatting', () => {
  it('formats minor units with the currency’s own number of decimals', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(5000, 'JPY')).toBe('¥5,000');
    expect(formatMoney(1500, 'GBP')).toBe('£15.00');
  });

  it('reads a bare ISO date as that calendar day, whatever the server time zone', () => {
    expect(formatDate('2025-11-28')).toBe('Fri, Nov 28, 2025');
    expect(formatDateTime('2025-11-24T23:30:00-05:00')).toBe('Nov 25, 2025, 4:30 AM UTC');
    expect(formatDateRange('2025-11-17', '2025-11-23')).toBe('Nov 17 – Nov 23, 2025');
    expect(() => formatDate('next tuesday')).toThrow(/Not an ISO date/);
  });

  it('describes week-over-week change, including from zero', () => {
    expect(formatChange(110, 100)).toBe('+10%');
    expect(formatChange(90, 100)).toBe('−10%');
    expect(formatChange(100, 100)).toBe('±0%');
    expect(formatChange(5, 0)).toBe('new');
    expect(formatChange(0, 0)).toBe('±0%');
  });

  it('pluralizes counts', () => {
    expect(pluralize(1, 'order')).toBe('1 order');
    expect(pluralize(1200, 'order')).toBe('1,200 orders');
  });
});
