import type {
  Priority,
  ProcessingQueue,
  Recipient,
  ServiceLevel,
  StatusSource,
  TikTokOrderStatus,
  WorkflowStatus,
} from '@/lib/db/schema/orders';

/**
 * The JSON shapes of the orders read API (GET /api/orders, GET /api/orders/{id}). Field names are
 * snake_case, as the public contract and TikTok's own API spell them. Money is given twice: exact
 * integer cents and the decimal amount in the order's currency. Times are ISO-8601 strings.
 */
export type OrderListItem = {
  id: string;
  tiktok_order_id: string;
  order_status: TikTokOrderStatus;
  workflow_status: WorkflowStatus;
  priority: Priority;
  impact_score: number;
  estimated_velocity: number;
  processing_queue: ProcessingQueue;
  viral_content_id: string | null;
  backordered: boolean;
  on_hold_for_review: boolean;
  currency: string;
  total_cents: number;
  total_amount: number;
  buyer_name: string | null;
  destination: { city: string | null; state: string | null; country: string | null } | null;
  item_count: number;
  line_count: number;
  items_preview: string;
  order_date: string;
  paid_at: string | null;
  dispatch_deadline: string | null;
  /** Past its dispatch deadline and not shipped (computed by the database at read time). */
  overdue: boolean;
  shipped_at: string | null;
  updated_at: string;
  tracking_number: string | null;
  shipping_provider: string | null;
  tracking_status: string | null;
  last_error: string | null;
};

export type OrdersSummary = {
  total_orders: number;
  total_amount: number;
  /** Counts per TikTok status under every filter except `status` (so status tabs can show counts). */
  status_breakdown: Record<TikTokOrderStatus, number>;
};

export type ListOrdersResponse = {
  orders: OrderListItem[];
  pagination: { page: number; limit: number; total: number; total_pages: number };
  summary: OrdersSummary;
};

export type OrderItemDetail = {
  id: string;
  sku_id: string | null;
  tiktok_sku_id: string;
  tiktok_product_id: string;
  seller_sku: string | null;
  product_name: string;
  sku_name: string | null;
  image_url: string | null;
  quantity: number;
  unit_price_cents: number;
  line_total_cents: number;
  weight_grams: number | null;
};

export type StatusHistoryEntry = {
  id: string;
  from_workflow_status: WorkflowStatus | null;
  to_workflow_status: WorkflowStatus | null;
  from_order_status: TikTokOrderStatus | null;
  to_order_status: TikTokOrderStatus | null;
  source: StatusSource;
  /** The workflow event that caused the entry (metadata.event), e.g. hold, release, backorder. */
  event: string | null;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  created_at: string;
};

export type ShipmentDetail = {
  id: string;
  carrier: string;
  status: string;
  provider: string | null;
  service_level: string;
  servicelevel_name: string | null;
  rate_amount_cents: number | null;
  currency: string | null;
  estimated_days: number | null;
  tracking_number: string | null;
  tracking_url: string | null;
  tracking_status: string;
  has_label: boolean;
  label_download_url: string | null;
  purchased_at: string | null;
  voided_at: string | null;
  last_error: string | null;
};

export type TrackingEventDetail = {
  id: string;
  shipment_id: string;
  status: string;
  carrier_status: string | null;
  description: string | null;
  location: string | null;
  occurred_at: string;
};

export type OrderDetail = Omit<OrderListItem, 'items_preview' | 'destination' | 'buyer_name'> & {
  shop: { id: string; name: string; shop_id: string };
  subtotal_cents: number;
  shipping_fee_cents: number;
  tax_cents: number;
  buyer_email: string | null;
  buyer_message: string | null;
  recipient: Recipient | null;
  package_id: string | null;
  warehouse_id: string | null;
  tags: string[];
  created_at: string;
  delivered_at: string | null;
  cancelled_at: string | null;
  completed_at: string | null;
  tracking_pushed_at: string | null;
  items: OrderItemDetail[];
  workflow: {
    status: WorkflowStatus;
    processing_queue: ProcessingQueue;
    service_level: ServiceLevel;
    backordered: boolean;
    on_hold_for_review: boolean;
    hold_reason: string | null;
    skip_auto_label: boolean;
    last_error: string | null;
  };
  status_history: StatusHistoryEntry[];
  shipping_info: { recipient: Recipient | null; service_level: ServiceLevel; shipments: ShipmentDetail[] };
  tracking_info: {
    tracking_number: string | null;
    provider: string | null;
    status: string | null;
    pushed_to_tiktok_at: string | null;
    events: TrackingEventDetail[];
  } | null;
};

export type PickListLine = {
  sku_id: string | null;
  seller_sku: string | null;
  product_name: string;
  sku_name: string | null;
  quantity: number;
  order_count: number;
  tiktok_order_ids: string[];
};

export type PickList = {
  orders: { id: string; tiktok_order_id: string; buyer_name: string | null; item_count: number }[];
  lines: PickListLine[];
  total_units: number;
  missing_ids: string[];
};
