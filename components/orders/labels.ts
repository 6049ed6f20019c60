import type { Priority, TikTokOrderStatus, WorkflowStatus } from '@/lib/db/schema/orders';

/** Human names for the statuses (the enums are the API's; these are the screen's). */
export const ORDER_STATUS_LABELS: Record<TikTokOrderStatus, string> = {
  UNPAID: 'Unpaid',
  ON_HOLD: 'On hold',
  AWAITING_SHIPMENT: 'Awaiting shipment',
  PARTIALLY_SHIPPING: 'Partially shipped',
  AWAITING_COLLECTION: 'Awaiting collection',
  IN_TRANSIT: 'In transit',
  DELIVERED: 'Delivered',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export const WORKFLOW_STATUS_LABELS: Record<WorkflowStatus, string> = {
  new: 'New',
  validated: 'Validated',
  inventory_reserved: 'Stock reserved',
  ready_to_ship: 'Ready to ship',
  shipped: 'Shipped',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  VIRAL: 'Viral',
  HIGH: 'High',
  MED: 'Medium',
  AUTO: 'Auto',
};

/**
 * The status tabs of the orders page: each is a set of TikTok statuses (the `status` filter).
 * TikTok's one-hour hold and unpaid orders share a tab: neither may be fulfilled yet.
 */
export const STATUS_TABS: { id: string; label: string; statuses: TikTokOrderStatus[] }[] = [
  { id: 'all', label: 'All', statuses: [] },
  { id: 'to-ship', label: 'To ship', statuses: ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'] },
  { id: 'not-ready', label: 'Unpaid / on hold', statuses: ['UNPAID', 'ON_HOLD'] },
  { id: 'shipped', label: 'Shipped', statuses: ['AWAITING_COLLECTION', 'IN_TRANSIT'] },
  { id: 'delivered', label: 'Delivered', statuses: ['DELIVERED', 'COMPLETED'] },
  { id: 'cancelled', label: 'Cancelled', statuses: ['CANCELLED'] },
];

/** The tab whose status set equals the URL's `status` values (order-insensitive), or none. */
export function activeTabId(statuses: readonly string[]): string | null {
  const wanted = [...new Set(statuses)].sort().join(',');
  return STATUS_TABS.find((tab) => [...tab.statuses].sort().join(',') === wanted)?.id ?? null;
}
