import type { RateQuote } from '@/lib/shipping/carriers/types';
import { chooseRate, serviceLevelOf } from '@/lib/shipping/rates';

const NOW = new Date('2026-03-02T10:00:00.000Z'); // a Monday
const HOUR = 3_600_000;

function quote(
  rateId: string,
  token: string,
  amountCents: number,
  estimatedDays: number | null,
  overrides: Partial<RateQuote> = {},
): RateQuote {
  return {
    carrier: 'shippo',
    rateId,
    shipmentId: 'shp_1',
    provider: 'USPS',
    serviceLevel: { token, name: token },
    amountCents,
    currency: 'USD',
    estimatedDays,
    quotedAt: new Date(NOW.getTime() - HOUR),
    ...overrides,
  };
}

const ground = quote('r_ground', 'usps_ground_advantage', 590, 4);
const priority = quote('r_priority', 'usps_priority', 910, 2);
const overnight = quote('r_overnight', 'ups_next_day_air', 2700, 1);
const media = quote('r_media', 'usps_media_mail', 410, 7);
const all = [overnight, priority, ground, media];
const base = { now: NOW, maxQuoteAgeMs: 24 * HOUR };

test('service tokens map to levels; unknown tokens fall back to estimated days', () => {
  expect([media, ground, priority, overnight].map(serviceLevelOf)).toEqual([
    'economy',
    'standard',
    'express',
    'overnight',
  ]);
  expect(serviceLevelOf(quote('x', 'acme_rocket', 100, 1))).toBe('overnight');
  expect(serviceLevelOf(quote('x', 'acme_slow', 100, null))).toBe('economy');
  expect(serviceLevelOf({ serviceLevel: { token: 'NextDayAir', name: '' }, estimatedDays: 3 })).toBe(
    'overnight',
  );
});

test('cheapest quote at or above the requested level', () => {
  const pick = (serviceLevel: 'economy' | 'standard' | 'express' | 'overnight') => {
    const result = chooseRate(all, { ...base, serviceLevel });
    return result.kind === 'chosen' ? result.quote.rateId : result.reason;
  };
  expect(pick('economy')).toBe('r_media');
  expect(pick('standard')).toBe('r_ground');
  expect(pick('express')).toBe('r_priority');
  expect(pick('overnight')).toBe('r_overnight');
});

test('deliverBy excludes quotes that arrive too late, counting from the dispatch deadline', () => {
  const deliverBy = new Date(NOW.getTime() + 3 * 24 * HOUR);
  const result = chooseRate(all, { ...base, serviceLevel: 'economy', deliverBy });
  expect(result.kind === 'chosen' && result.quote.rateId).toBe('r_priority');
  expect(result.rejected.find((r) => r.rateId === 'r_ground')?.reasons).toEqual(['misses_delivery_deadline']);

  // Hand-over may slip to the dispatch deadline 1.5 days out: priority (2 d) no longer makes it.
  const later = chooseRate(all, {
    ...base,
    serviceLevel: 'economy',
    deliverBy,
    dispatchDeadline: new Date(NOW.getTime() + 36 * HOUR),
  });
  expect(later.kind === 'chosen' && later.quote.rateId).toBe('r_overnight');
  expect(later.kind === 'chosen' && later.estimatedDelivery?.toISOString()).toBe('2026-03-04T22:00:00.000Z');
});

test('a passed dispatch deadline still chooses, flagged late', () => {
  const result = chooseRate(all, {
    ...base,
    serviceLevel: 'standard',
    dispatchDeadline: new Date(NOW.getTime() - HOUR),
  });
  expect(result).toMatchObject({ kind: 'chosen', lateDispatch: true, quote: { rateId: 'r_ground' } });
});

test('stale quotes and other currencies are ignored; ties go to the faster, then the lower id', () => {
  const stale = quote('r_stale', 'usps_ground_advantage', 100, 3, {
    quotedAt: new Date(NOW.getTime() - 25 * HOUR),
  });
  const cad = quote('r_cad', 'usps_ground_advantage', 200, 3, { currency: 'CAD' });
  const tieSlow = quote('r_b', 'ups_ground', 590, 5);
  const result = chooseRate([stale, cad, tieSlow, ground], { ...base, serviceLevel: 'standard' });
  expect(result.kind === 'chosen' && result.quote.rateId).toBe('r_ground');
  expect(result.rejected).toEqual([
    { rateId: 'r_stale', serviceLevelToken: 'usps_ground_advantage', reasons: ['stale'] },
    { rateId: 'r_cad', serviceLevelToken: 'usps_ground_advantage', reasons: ['other_currency'] },
  ]);
});

test.each([
  ['no quotes', [], { serviceLevel: 'standard' }, 'no_quotes'],
  [
    'all stale',
    [quote('r', 'usps_priority', 1, 2, { quotedAt: new Date(0) })],
    { serviceLevel: 'standard' },
    'all_stale',
  ],
  ['too slow for the level', [media, ground], { serviceLevel: 'express' }, 'no_service_level_match'],
  [
    'deadline unreachable',
    all,
    { serviceLevel: 'standard', deliverBy: new Date(NOW.getTime() + 12 * HOUR) },
    'cannot_meet_deadline',
  ],
  [
    'unknown transit time',
    [quote('r', 'acme', 1, null)],
    { serviceLevel: 'economy', deliverBy: new Date(NOW.getTime() + 99 * 24 * HOUR) },
    'cannot_meet_deadline',
  ],
] as const)('no fitting rate: %s', (_name, quotes, options, reason) => {
  const result = chooseRate(quotes, { ...base, ...options });
  expect(result.kind).toBe('no_fitting_rate');
  expect(result.kind === 'no_fitting_rate' && result.reason).toBe(reason);
  expect(result.kind === 'no_fitting_rate' && result.message.length).toBeGreaterThan(0);
});
