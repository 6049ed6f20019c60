/** The window sales velocity is measured over (reservations, i.e. units sold). */
export const VELOCITY_DAYS = 7;
const REORDER_COVER_DAYS = 30;

/**
 * Units per day, days of cover and a reorder suggestion for a SKU, from last week's sales: enough
 * to cover 30 days of sales plus the low-stock threshold. No sales → 999 days of cover.
 */
export function stockOutlook(available: number, soldLastWeek: number, threshold: number) {
  const velocityPerDay = Math.round((soldLastWeek / VELOCITY_DAYS) * 100) / 100;
  const daysOfCover = velocityPerDay > 0 ? Math.round((Math.max(0, available) / velocityPerDay) * 10) / 10 : 999;
  const suggestedReorder = Math.max(0, Math.ceil(velocityPerDay * REORDER_COVER_DAYS + threshold - available));
  return { velocityPerDay, daysOfCover, suggestedReorder };
}
