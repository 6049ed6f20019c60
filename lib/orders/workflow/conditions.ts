import type { OrderSnapshot } from './snapshot';

// Conditions of the transition table, as pure predicates over a snapshot. Each answers with a
// reason when it does not hold, so a refused transition can say why.

export type ConditionResult = { ok: true } | { ok: false; reason: string };
const yes: ConditionResult = { ok: true };
const no = (reason: string): ConditionResult => ({ ok: false, reason });

/** TikTok statuses that mean the parcel has left (or is with) the carrier. */
const SHIPPED_ON_TIKTOK = new Set(['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED']);
const DELIVERED_ON_TIKTOK = new Set(['DELIVERED', 'COMPLETED']);
/** TikTok says the parcel arrived (delivery_confirmed holds on TikTok's word). */
export const deliveredOnTikTok = (orderStatus: string): boolean => DELIVERED_ON_TIKTOK.has(orderStatus);
/** tracking_status_rank of `in_transit` (lib/shipping/carriers/status-map). */
export const IN_TRANSIT_RANK = 2;

/** Problems that stop an order from being validated at all (the `reject` path). */
export function orderDataProblems(snapshot: OrderSnapshot): string[] {
  const problems: string[] = [];
  if (snapshot.items.length === 0) problems.push('the order has no line items');
  const unknown = snapshot.items.filter((item) => !item.skuId).map((item) => item.sellerSku ?? item.tiktokSkuId);
  if (unknown.length > 0) problems.push(`unknown SKU${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  return problems;
}

/** What a label needs that TikTok only sends once the hold is over. */
export function recipientProblems(snapshot: OrderSnapshot): string[] {
  const recipient = snapshot.order.recipient;
  if (!recipient) return ['no recipient address yet'];
  const missing = (['name', 'addressLine1', 'city', 'postalCode', 'country'] as const).filter((key) => !recipient[key]?.trim());
  return missing.length > 0 ? [`recipient address lacks ${missing.join(', ')}`] : [];
}

export const CONDITIONS = {
  payment_confirmed: (s: OrderSnapshot) => (s.order.orderStatus === 'UNPAID' ? no('TikTok has not confirmed payment yet') : yes),
  order_data_valid: (s: OrderSnapshot) => {
    const problems = orderDataProblems(s);
    return problems.length === 0 ? yes : no(problems.join('; '));
  },
  order_data_invalid: (s: OrderSnapshot) => (orderDataProblems(s).length > 0 ? yes : no('the order data is valid')),
  not_cancelled_by_tiktok: (s: OrderSnapshot) => (s.order.orderStatus === 'CANCELLED' ? no('TikTok cancelled the order') : yes),
  label_bought: (s: OrderSnapshot) =>
    s.shipment?.status === 'purchased' && s.shipment.trackingNumber ? yes : no('no purchased label for this order'),
  handed_to_carrier: (s: OrderSnapshot) =>
    SHIPPED_ON_TIKTOK.has(s.order.orderStatus) || s.order.trackingPushedAt !== null || (s.shipment?.trackingStatusRank ?? 0) >= IN_TRANSIT_RANK
      ? yes
      : no('neither TikTok nor the carrier shows the parcel moving yet'),
  delivery_confirmed: (s: OrderSnapshot) =>
    s.shipment?.trackingStatus === 'delivered' || DELIVERED_ON_TIKTOK.has(s.order.orderStatus) ? yes : no('not delivered yet'),
} satisfies Record<string, (snapshot: OrderSnapshot) => ConditionResult>;

export type ConditionName = keyof typeof CONDITIONS;

/** Which of TikTok and the carrier vouches for a shipment or a delivery (for the history's source). */
export function shippedBy(s: OrderSnapshot): 'tiktok_shop' | 'carrier' | 'system' {
  if (SHIPPED_ON_TIKTOK.has(s.order.orderStatus)) return 'tiktok_shop';
  if ((s.shipment?.trackingStatusRank ?? 0) >= IN_TRANSIT_RANK) return 'carrier';
  return 'system';
}

export function deliveredBy(s: OrderSnapshot): 'tiktok_shop' | 'carrier' {
  return s.shipment?.trackingStatus === 'delivered' ? 'carrier' : 'tiktok_shop';
}

export function checkConditions(names: readonly ConditionName[], snapshot: OrderSnapshot): ConditionResult {
  for (const name of names) {
    const result = CONDITIONS[name](snapshot);
    if (!result.ok) return result;
  }
  return yes;
}
