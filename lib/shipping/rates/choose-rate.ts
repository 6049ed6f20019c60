import type { RateQuote } from '@/lib/shipping/carriers/types';
import { SERVICE_LEVEL_RANK, serviceLevelOf, type ServiceLevelClass } from './service-levels';

// Picks the cheapest quote that is fresh, fast enough for the requested service level and,
// when a delivery date is required, arrives in time. Pure: same input, same answer.
//
// Arrival estimate: the parcel may be handed over as late as `dispatchDeadline` (when that is
// still ahead), so arrival = max(now, dispatchDeadline) + estimatedDays x 24 h (calendar days;
// providers' estimates are business days, so this is optimistic over weekends).
// A quote without estimatedDays cannot prove it meets `deliverBy` and is rejected then.

export interface ChooseRateOptions {
  serviceLevel: ServiceLevelClass;
  dispatchDeadline?: Date;
  deliverBy?: Date;
  now: Date;
  /** Quotes older than this are not bought (Shippo's hard limit is 7 days; re-quote well before). */
  maxQuoteAgeMs: number;
  /** Quotes in another currency are ignored. Default USD. */
  currency?: string;
}

export type RejectionReason =
  'stale' | 'other_currency' | 'below_service_level' | 'unknown_transit_time' | 'misses_delivery_deadline';

export interface RejectedQuote {
  rateId: string;
  serviceLevelToken: string;
  reasons: RejectionReason[];
}

export type ChooseRateResult =
  | {
      kind: 'chosen';
      quote: RateQuote;
      serviceLevel: ServiceLevelClass;
      estimatedDelivery: Date | null;
      lateDispatch: boolean;
      rejected: RejectedQuote[];
    }
  | {
      kind: 'no_fitting_rate';
      reason: 'no_quotes' | 'all_stale' | 'no_service_level_match' | 'cannot_meet_deadline';
      message: string;
      rejected: RejectedQuote[];
    };

const DAY_MS = 86_400_000;

export function chooseRate(quotes: readonly RateQuote[], options: ChooseRateOptions): ChooseRateResult {
  if (quotes.length === 0)
    return {
      kind: 'no_fitting_rate',
      reason: 'no_quotes',
      message: 'The carriers returned no quotes.',
      rejected: [],
    };
  const now = options.now.getTime();
  const currency = options.currency ?? 'USD';
  const dispatchAt = Math.max(now, options.dispatchDeadline?.getTime() ?? now);
  const arrivalOf = (quote: RateQuote) =>
    quote.estimatedDays === null ? null : dispatchAt + quote.estimatedDays * DAY_MS;

  const rejected: RejectedQuote[] = [];
  const fitting: RateQuote[] = [];
  for (const quote of quotes) {
    const reasons: RejectionReason[] = [];
    if (now - quote.quotedAt.getTime() > options.maxQuoteAgeMs) reasons.push('stale');
    if (quote.currency !== currency) reasons.push('other_currency');
    if (SERVICE_LEVEL_RANK[serviceLevelOf(quote)] < SERVICE_LEVEL_RANK[options.serviceLevel])
      reasons.push('below_service_level');
    if (options.deliverBy) {
      const arrival = arrivalOf(quote);
      if (arrival === null) reasons.push('unknown_transit_time');
      else if (arrival > options.deliverBy.getTime()) reasons.push('misses_delivery_deadline');
    }
    if (reasons.length > 0)
      rejected.push({ rateId: quote.rateId, serviceLevelToken: quote.serviceLevel.token, reasons });
    else fitting.push(quote);
  }

  const [best] = fitting.sort(
    (a, b) =>
      a.amountCents - b.amountCents ||
      (a.estimatedDays ?? Infinity) - (b.estimatedDays ?? Infinity) ||
      a.rateId.localeCompare(b.rateId),
  );
  if (best) {
    const arrival = arrivalOf(best);
    return {
      kind: 'chosen',
      quote: best,
      serviceLevel: serviceLevelOf(best),
      estimatedDelivery: arrival === null ? null : new Date(arrival),
      lateDispatch: options.dispatchDeadline !== undefined && now > options.dispatchDeadline.getTime(),
      rejected,
    };
  }

  const usable = rejected.filter(
    (r) => !r.reasons.includes('stale') && !r.reasons.includes('other_currency'),
  );
  if (usable.length === 0) {
    return {
      kind: 'no_fitting_rate',
      reason: 'all_stale',
      message: `Every quote is older than ${Math.round(options.maxQuoteAgeMs / 60_000)} min or in another currency than ${currency}; re-quote.`,
      rejected,
    };
  }
  if (usable.every((r) => r.reasons.includes('below_service_level'))) {
    return {
      kind: 'no_fitting_rate',
      reason: 'no_service_level_match',
      message: `No quote is ${options.serviceLevel} or faster.`,
      rejected,
    };
  }
  const by = options.deliverBy?.toISOString() ?? '';
  return {
    kind: 'no_fitting_rate',
    reason: 'cannot_meet_deadline',
    message: `No ${options.serviceLevel} quote is estimated to arrive by ${by}.`,
    rejected,
  };
}
