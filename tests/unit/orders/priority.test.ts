import { classifyPriority, isViralSpike, PRIORITY_RULES, rates } from '@/lib/orders/priority/classify';

const now = new Date('2026-11-23T12:00:00Z');
const product = (recent: number, baseline: number, id = 'p1') => ({ tiktokProductId: id, recent, baseline });
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('the VIRAL test', () => {
  test('a brand-new product needs at least 10 orders in 15 minutes', () => {
    expect(isViralSpike({ recent: 9, baseline: 0 })).toBe(false);
    expect(isViralSpike({ recent: 10, baseline: 0 })).toBe(true);
  });

  test('five times the trailing hourly rate is viral, just under is not', () => {
    // baseline 96 orders in 24 h = 4/h; 5x = 20/h = 5 orders per 15 min, but the 10-order floor applies
    expect(isViralSpike({ recent: 10, baseline: 96 })).toBe(true);
    // baseline 480 in 24 h = 20/h; 5x = 100/h = 25 per 15 min
    expect(isViralSpike({ recent: 24, baseline: 480 })).toBe(false);
    expect(isViralSpike({ recent: 25, baseline: 480 })).toBe(true);
  });

  test('a steady best seller is busy, not viral', () => {
    // 100 an hour all day, 25 in the last quarter hour
    expect(isViralSpike({ recent: 25, baseline: 2400 })).toBe(false);
    expect(rates({ recent: 25, baseline: 2400 }).spikeRatio).toBeCloseTo(1, 5);
  });

  test('rates are per hour', () => {
    expect(rates({ recent: 12, baseline: 48 })).toEqual({ recentRate: 48, baselineRate: 2, spikeRatio: 24 });
    expect(PRIORITY_RULES.recentWindowMinutes * 4).toBe(60);
  });
});

describe('classifyPriority', () => {
  test('a viral product makes the order VIRAL and express, with its velocity', () => {
    const result = classifyPriority({ products: [product(1, 0, 'slow'), product(30, 24, 'viral')], totalCents: 1999, dispatchDeadline: hoursFromNow(47), now });
    expect(result).toMatchObject({ priority: 'VIRAL', processingQueue: 'express', viral: true, topProductId: 'viral', estimatedVelocity: 120 });
  });

  test('an ordinary order is AUTO in the bulk queue', () => {
    const result = classifyPriority({ products: [product(1, 24)], totalCents: 1500, dispatchDeadline: hoursFromNow(47), now });
    expect(result.priority).toBe('AUTO');
    expect(result.processingQueue).toBe('bulk');
    expect(result.impactScore).toBeLessThan(PRIORITY_RULES.mediumScore);
  });

  test('urgency and value raise the score: an overdue expensive order is HIGH', () => {
    const result = classifyPriority({ products: [product(1, 240)], totalCents: 25_000, dispatchDeadline: hoursFromNow(-1), now });
    expect(result.impactScore).toBe(50);
    expect(result.priority).toBe('HIGH');
    expect(result.processingQueue).toBe('express');
  });

  test('a medium mix lands in MED / standard', () => {
    const result = classifyPriority({ products: [product(1, 240)], totalCents: 10_000, dispatchDeadline: hoursFromNow(6), now });
    expect(result.impactScore).toBe(40);
    expect(result).toMatchObject({ priority: 'MED', processingQueue: 'standard' });
  });

  test('one lone order against a quiet baseline barely moves the velocity score', () => {
    const lone = classifyPriority({ products: [product(1, 24)], totalCents: 0, dispatchDeadline: null, now });
    const burst = classifyPriority({ products: [product(10, 24)], totalCents: 0, dispatchDeadline: null, now });
    expect(lone.impactScore).toBe(3.75);
    expect(burst.impactScore).toBe(50);
    expect(burst.priority).toBe('VIRAL');
  });

  test('the score never passes 100 and an order without products is AUTO', () => {
    expect(classifyPriority({ products: [product(500, 0)], totalCents: 10_000_000, dispatchDeadline: hoursFromNow(0), now }).impactScore).toBe(100);
    expect(classifyPriority({ products: [], totalCents: 0, dispatchDeadline: null, now })).toMatchObject({ priority: 'AUTO', topProductId: null, estimatedVelocity: 0 });
  });
});
