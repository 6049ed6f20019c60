import type { Priority, ProcessingQueue } from '@/lib/db/schema/orders';

/**
 * Order priority, pure. The inputs are counts of orders for one product in two windows that end
 * at the order's own minute (so a late catch-up of old orders is judged at the time they were
 * placed, not now):
 *
 * - recent window: the last 15 minutes (15 one-minute buckets, including the order's minute);
 * - baseline window: the 24 hours before the recent window (1,440 buckets).
 *
 * recentRate = recent × 4 orders/hour; baselineRate = baseline / 24 orders/hour.
 *
 * **VIRAL** when both hold:
 *   1. recent ≥ 10 orders (a spike is a real burst, not two buyers in a quiet shop), and
 *   2. recentRate ≥ 5 × max(baselineRate, 1 order/hour) (five times the usual pace; the floor of
 *      one order an hour keeps a brand-new product from going viral on its second sale).
 * A product selling 100 an hour all day is busy, not viral; one that sold 2 yesterday and 12 in the
 * last quarter-hour is viral.
 *
 * **impact_score** (0–100) = velocity (0–50: 50 × clamp((spikeRatio − 1) / 4) × clamp(recent / 10), so
 * a 5× spike backed by 10 recent orders scores the full 50 and one lone order cannot look like a
 * trend) + urgency (0–30: full when ≤ 6 h remain before the dispatch deadline, nothing from
 * 48 h out, linear between; an overdue order scores 30) + value (0–20: 20 × clamp(total / $200)).
 * Level: VIRAL by the test above, else HIGH from 50, MED from 25, AUTO below.
 * processing_queue: VIRAL and HIGH → express, MED → standard, AUTO → bulk.
 * estimated_velocity is the recentRate of the order's fastest product (orders/hour).
 */
export const PRIORITY_RULES = {
  recentWindowMinutes: 15,
  baselineWindowHours: 24,
  minRecentOrders: 10,
  spikeFactor: 5,
  baselineFloorPerHour: 1,
  highScore: 50,
  mediumScore: 25,
} as const;

export type ProductVelocity = { tiktokProductId: string; recent: number; baseline: number };

export type PriorityInput = {
  /** Counts per product of the order; the order itself is included in `recent`. */
  products: readonly ProductVelocity[];
  totalCents: number;
  dispatchDeadline: Date | null;
  now: Date;
};

export type PriorityResult = {
  priority: Priority;
  impactScore: number;
  estimatedVelocity: number;
  processingQueue: ProcessingQueue;
  viral: boolean;
  /** The product that drove the velocity figures (null for an order without products). */
  topProductId: string | null;
  spikeRatio: number;
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

export function rates(product: Pick<ProductVelocity, 'recent' | 'baseline'>) {
  const recentRate = product.recent * (60 / PRIORITY_RULES.recentWindowMinutes);
  const baselineRate = product.baseline / PRIORITY_RULES.baselineWindowHours;
  const spikeRatio = recentRate / Math.max(baselineRate, PRIORITY_RULES.baselineFloorPerHour);
  return { recentRate, baselineRate, spikeRatio };
}

/** The VIRAL test, exactly as documented above. */
export function isViralSpike(product: Pick<ProductVelocity, 'recent' | 'baseline'>): boolean {
  return product.recent >= PRIORITY_RULES.minRecentOrders && rates(product).spikeRatio >= PRIORITY_RULES.spikeFactor;
}

function urgencyPoints(deadline: Date | null, now: Date): number {
  if (!deadline) return 0;
  const hoursLeft = (deadline.getTime() - now.getTime()) / 3_600_000;
  return 30 * clamp01((48 - hoursLeft) / (48 - 6));
}

export function classifyPriority(input: PriorityInput): PriorityResult {
  const ranked = input.products
    .map((product) => ({ product, ...rates(product), viral: isViralSpike(product) }))
    .sort((a, b) => Number(b.viral) - Number(a.viral) || b.spikeRatio - a.spikeRatio || b.recentRate - a.recentRate);
  const top = ranked[0];
  const spikeRatio = top?.spikeRatio ?? 0;
  const confidence = clamp01((top?.product.recent ?? 0) / PRIORITY_RULES.minRecentOrders);
  const velocityPoints = 50 * clamp01((spikeRatio - 1) / (PRIORITY_RULES.spikeFactor - 1)) * confidence;
  const valuePoints = 20 * clamp01(input.totalCents / 20_000);
  const impactScore = round2(Math.min(100, velocityPoints + urgencyPoints(input.dispatchDeadline, input.now) + valuePoints));
  const viral = top?.viral ?? false;
  const priority: Priority = viral ? 'VIRAL' : impactScore >= PRIORITY_RULES.highScore ? 'HIGH' : impactScore >= PRIORITY_RULES.mediumScore ? 'MED' : 'AUTO';
  const processingQueue: ProcessingQueue = priority === 'VIRAL' || priority === 'HIGH' ? 'express' : priority === 'MED' ? 'standard' : 'bulk';
  return {
    priority, impactScore, processingQueue, viral,
    estimatedVelocity: round2(top?.recentRate ?? 0),
    topProductId: top?.product.tiktokProductId ?? null,
    spikeRatio: round2(spikeRatio),
  };
}
