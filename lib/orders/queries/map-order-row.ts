import 'server-only';
import { sql } from 'drizzle-orm';
import type {
  Priority,
  ProcessingQueue,
  Recipient,
  TikTokOrderStatus,
  WorkflowStatus,
} from '@/lib/db/schema/orders';
import type { OrderListItem } from './types';

export const iso = (value: Date | string | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

export const toAmount = (cents: number): number => Math.round(cents) / 100;

/** Columns every order read selects (alias `o`, plus the `items` and `latest` laterals below). */
export const ORDER_COLUMNS = sql.raw(`
  o.id, o.tiktok_order_id, o.order_status, o.workflow_status, o.priority,
  o.impact_score::float8 as impact_score, o.estimated_velocity::float8 as estimated_velocity,
  o.processing_queue, o.viral_content_id, o.backordered, o.on_hold_for_review, o.currency, o.total_cents,
  o.recipient, coalesce(o.tiktok_created_at, o.created_at) as order_date, o.paid_at, o.dispatch_deadline,
  o.shipped_at, o.updated_at, coalesce(o.tracking_number, latest.tracking_number) as tracking_number,
  coalesce(o.shipping_provider, latest.provider) as shipping_provider, latest.tracking_status, o.last_error,
  coalesce(items.item_count, 0) as item_count, coalesce(items.line_count, 0) as line_count, items.names,
  coalesce(o.dispatch_deadline < now() and o.shipped_at is null
    and o.workflow_status not in ('shipped', 'completed', 'cancelled'), false) as overdue`);

/** Item totals and names per order, and the order's current (not voided) shipment. */
export const ORDER_LATERALS = sql.raw(`
  left join lateral (
    select sum(i.quantity)::int as item_count, count(*)::int as line_count,
      array_agg(i.product_name || coalesce(' (' || i.sku_name || ')', '') || ' ×' || i.quantity
        order by i.quantity desc, i.product_name) as names
    from public.order_items i where i.order_id = o.id
  ) items on true
  left join lateral (
    select s.tracking_number, s.provider, s.tracking_status from public.shipments s
    where s.order_id = o.id and s.status <> 'voided' order by s.created_at desc limit 1
  ) latest on true`);

export type OrderRowFromSql = {
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
  recipient: Recipient | null;
  order_date: Date | string;
  paid_at: Date | string | null;
  dispatch_deadline: Date | string | null;
  shipped_at: Date | string | null;
  updated_at: Date | string;
  tracking_number: string | null;
  shipping_provider: string | null;
  tracking_status: string | null;
  last_error: string | null;
  item_count: number;
  line_count: number;
  names: string[] | null;
  overdue: boolean;
};

/** "Glow Serum ×2, Lip Oil ×1 +3 more": what a row shows without opening the order. */
export function itemsPreview(names: string[] | null, shown = 2): string {
  if (!names?.length) return '';
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} +${names.length - shown} more` : head;
}

export function mapOrderListRow(row: OrderRowFromSql): OrderListItem {
  const recipient = row.recipient;
  return {
    id: row.id,
    tiktok_order_id: row.tiktok_order_id,
    order_status: row.order_status,
    workflow_status: row.workflow_status,
    priority: row.priority,
    impact_score: Number(row.impact_score),
    estimated_velocity: Number(row.estimated_velocity),
    processing_queue: row.processing_queue,
    viral_content_id: row.viral_content_id,
    backordered: row.backordered,
    on_hold_for_review: row.on_hold_for_review,
    currency: row.currency,
    total_cents: row.total_cents,
    total_amount: toAmount(row.total_cents),
    buyer_name: recipient?.name ?? null,
    destination: recipient
      ? { city: recipient.city ?? null, state: recipient.state ?? null, country: recipient.country ?? null }
      : null,
    item_count: row.item_count,
    line_count: row.line_count,
    items_preview: itemsPreview(row.names),
    order_date: iso(row.order_date)!,
    paid_at: iso(row.paid_at),
    dispatch_deadline: iso(row.dispatch_deadline),
    overdue: row.overdue,
    shipped_at: iso(row.shipped_at),
    updated_at: iso(row.updated_at)!,
    tracking_number: row.tracking_number,
    shipping_provider: row.shipping_provider,
    tracking_status: row.tracking_status,
    last_error: row.last_error,
  };
}
