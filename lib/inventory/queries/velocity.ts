import { z } from 'zod';

/**
 * Stock planning maths for the inventory page, pure and unit-tested. Units sold come from
 * order_items of orders placed in the window (cancelled orders excluded). All rates are units per
 * hour; "days" are 24-hour days.
 *
 *   velocity(window)   = units sold in the window / window length in hours
 *   planning velocity  = v24h                when v24h ≥ v7d  (a spike: plan for today's pace)
 *                        (v24h + v7d) / 2    otherwise        (slowing: do not over-trust one quiet day)
 *   days of cover      = max(available, 0) / (planning velocity × 24)     (null when nothing sells)
 *   reorder point      = planning velocity × 24 × (lead time + safety days)
 *   reorder quantity   = ceil(planning velocity × 24 × (lead time + target cover days) − available)
 *                        when available ≤ reorder point, else 0
 *   status             = critical  when available ≤ 0 or days of cover < CRITICAL_COVER_DAYS
 *                        low       when available ≤ the SKU's low-stock threshold,
 *                                  or days of cover < lead time + safety days (reorder now)
 *                        ok        otherwise
 *   urgency (sort)     = critical before low before ok; then fewer days of cover first (no sales
 *                        last); then faster sellers first.
 */
export type StockStatus = 'critical' | 'low' | 'ok';

export type PlanningSettings = { leadTimeDays: number; safetyDays: number; targetCoverDays: number };

export const DEFAULT_PLANNING: PlanningSettings = { leadTimeDays: 7, safetyDays: 3, targetCoverDays: 30 };

/** Lead time and cover targets live in accounts.settings.inventory; anything missing takes the default. */
const planningSettingsSchema = z
  .object({
    leadTimeDays: z.number().min(0).max(365).default(DEFAULT_PLANNING.leadTimeDays),
    safetyDays: z.number().min(0).max(365).default(DEFAULT_PLANNING.safetyDays),
    targetCoverDays: z.number().min(1).max(365).default(DEFAULT_PLANNING.targetCoverDays),
  })
  .catch(DEFAULT_PLANNING);

export function parsePlanningSettings(stored: unknown): PlanningSettings {
  return planningSettingsSchema.parse(stored ?? {});
}
export const CRITICAL_COVER_DAYS = 2;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function unitsPerHour(unitsSold: number, windowHours: number): number {
  if (windowHours <= 0) throw new RangeError('windowHours must be positive');
  return Math.max(0, unitsSold) / windowHours;
}

export function planningVelocity(velocity24h: number, velocity7d: number): number {
  return velocity24h >= velocity7d ? velocity24h : (velocity24h + velocity7d) / 2;
}

export function daysOfCover(available: number, velocityPerHour: number): number | null {
  if (velocityPerHour <= 0) return null;
  return Math.max(0, available) / (velocityPerHour * 24);
}

export function reorderSuggestion(
  available: number,
  velocityPerHour: number,
  settings: PlanningSettings = DEFAULT_PLANNING,
) {
  const perDay = velocityPerHour * 24;
  const reorderPoint = perDay * (settings.leadTimeDays + settings.safetyDays);
  const target = perDay * (settings.leadTimeDays + settings.targetCoverDays);
  const quantity = available <= reorderPoint && perDay > 0 ? Math.max(0, Math.ceil(target - available)) : 0;
  return { reorderPoint: Math.ceil(reorderPoint), quantity };
}

export function stockStatus(
  input: { available: number; cover: number | null; lowStockThreshold: number },
  settings: PlanningSettings = DEFAULT_PLANNING,
): StockStatus {
  if (input.available <= 0 || (input.cover !== null && input.cover < CRITICAL_COVER_DAYS)) return 'critical';
  if (input.available <= input.lowStockThreshold) return 'low';
  if (input.cover !== null && input.cover < settings.leadTimeDays + settings.safetyDays) return 'low';
  return 'ok';
}

export type SkuPlan = {
  velocity24h: number;
  velocity7d: number;
  planningVelocity: number;
  daysOfCover: number | null;
  reorderPoint: number;
  reorderQuantity: number;
  status: StockStatus;
};

/** Everything the inventory page shows for one SKU, from its stock and its sales in 24 h and 7 d. */
export function planSku(
  input: { available: number; unitsSold24h: number; unitsSold7d: number; lowStockThreshold: number },
  settings: PlanningSettings = DEFAULT_PLANNING,
): SkuPlan {
  const velocity24h = unitsPerHour(input.unitsSold24h, 24);
  const velocity7d = unitsPerHour(input.unitsSold7d, 24 * 7);
  const planning = planningVelocity(velocity24h, velocity7d);
  const cover = daysOfCover(input.available, planning);
  const reorder = reorderSuggestion(input.available, planning, settings);
  return {
    velocity24h: round(velocity24h),
    velocity7d: round(velocity7d),
    planningVelocity: round(planning),
    daysOfCover: cover === null ? null : round(cover, 1),
    reorderPoint: reorder.reorderPoint,
    reorderQuantity: reorder.quantity,
    status: stockStatus(
      { available: input.available, cover, lowStockThreshold: input.lowStockThreshold },
      settings,
    ),
  };
}

const STATUS_RANK: Record<StockStatus, number> = { critical: 0, low: 1, ok: 2 };

/** Comparator: most urgent SKU first (see the file comment). */
export function compareUrgency(a: SkuPlan, b: SkuPlan): number {
  if (STATUS_RANK[a.status] !== STATUS_RANK[b.status]) return STATUS_RANK[a.status] - STATUS_RANK[b.status];
  const coverA = a.daysOfCover ?? Number.POSITIVE_INFINITY;
  const coverB = b.daysOfCover ?? Number.POSITIVE_INFINITY;
  if (coverA !== coverB) return coverA - coverB;
  return b.planningVelocity - a.planningVelocity;
}
