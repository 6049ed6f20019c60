import type { orders } from '@/lib/db/schema/orders';
import type { ShipmentStatus } from '@/lib/db/schema/shipping';

export type OrderRow = typeof orders.$inferSelect;

export type SnapshotItem = {
  skuId: string | null;
  tiktokSkuId: string;
  tiktokProductId: string;
  sellerSku: string | null;
  productName: string;
  quantity: number;
  unitPriceCents: number;
  weightGrams: number | null;
};

export type SnapshotShipment = {
  id: string;
  status: ShipmentStatus;
  carrier: 'shippo' | 'easypost';
  trackingNumber: string | null;
  trackingUrl: string | null;
  provider: string | null;
  servicelevelName: string | null;
  trackingStatus: string;
  trackingStatusRank: number;
};

/** An order as the workflow sees it at one moment: the row, its lines and its newest shipment. */
export type OrderSnapshot = {
  order: OrderRow;
  items: SnapshotItem[];
  shipment: SnapshotShipment | null;
};
