import 'server-only';
import { sql } from 'drizzle-orm';
import { withRls, type JwtClaims } from '@/lib/db';
import { unitsSoldBySku } from './units-sold';
import { compareUrgency, parsePlanningSettings, planSku, type PlanningSettings, type SkuPlan } from './velocity';

export type WarehouseStock = { warehouse_id: string; on_hand: number; reserved: number; available: number };
export type OpenAlert = {
  id: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  created_at: string;
};

export type InventoryRow = {
  sku_id: string;
  seller_sku: string | null;
  tiktok_sku_id: string;
  sku_name: string | null;
  product_name: string;
  image_url: string | null;
  low_stock_threshold: number;
  on_hand: number;
  reserved: number;
  available: number;
  warehouses: WarehouseStock[];
  units_sold_24h: number;
  units_sold_7d: number;
  last_sold_at: string | null;
  alerts: OpenAlert[];
  plan: SkuPlan;
};

export type InventoryOverview = {
  rows: InventoryRow[];
  settings: PlanningSettings;
  totals: {
    skus: number;
    critical: number;
    low: number;
    units_available: number;
    units_reserved: number;
    open_alerts: number;
  };
};

type Row = Omit<InventoryRow, 'plan' | 'last_sold_at'> & {
  last_sold_at: Date | string | null;
  settings: unknown;
};

/**
 * Every SKU of the account with stock per warehouse, units sold in the last 24 h and 7 d (orders
 * placed in the window, cancelled excluded), open alerts, and the planning figures of velocity.ts,
 * most urgent first. One statement; every CTE filters by the account.
 */
export async function listInventory(context: {
  accountId: string;
  claims: JwtClaims;
}): Promise<InventoryOverview> {
  const result = await withRls(context.claims, (tx) =>
    tx.execute<Row>(sql`
      with levels as (
        select l.sku_id, sum(l.on_hand)::int as on_hand, sum(l.reserved)::int as reserved, sum(l.available)::int as available,
          json_agg(json_build_object('warehouse_id', l.warehouse_id, 'on_hand', l.on_hand, 'reserved', l.reserved,
            'available', l.available) order by l.warehouse_id) as warehouses
        from public.inventory_levels l where l.account_id = ${context.accountId} group by l.sku_id
      ), sales as (
        ${unitsSoldBySku(context.accountId)}
      ), open_alerts as (
        select a.entity_id, json_agg(json_build_object('id', a.id, 'kind', a.kind, 'severity', a.severity, 'title', a.title,
          'created_at', a.created_at) order by a.created_at desc) as alerts
        from public.alerts a
        where a.account_id = ${context.accountId} and a.resolved_at is null and a.entity_type = 'sku'
        group by a.entity_id
      )
      select k.id as sku_id, k.seller_sku, k.tiktok_sku_id, k.name as sku_name, p.title as product_name, p.image_url,
        k.low_stock_threshold, coalesce(l.on_hand, 0) as on_hand, coalesce(l.reserved, 0) as reserved,
        coalesce(l.available, 0) as available, coalesce(l.warehouses, '[]'::json) as warehouses,
        coalesce(s.units_24h, 0) as units_sold_24h, coalesce(s.units_7d, 0) as units_sold_7d, s.last_sold_at,
        coalesce(a.alerts, '[]'::json) as alerts,
        (select ac.settings->'inventory' from public.accounts ac where ac.id = k.account_id) as settings
      from public.skus k
      join public.products p on p.id = k.product_id
      left join levels l on l.sku_id = k.id
      left join sales s on s.sku_id = k.id
      left join open_alerts a on a.entity_id = k.id::text
      where k.account_id = ${context.accountId}`),
  );
  const settings = parsePlanningSettings(result.rows[0]?.settings);
  const rows: InventoryRow[] = result.rows.map(({ settings: _settings, ...row }) => ({
    ...row,
    last_sold_at: row.last_sold_at ? new Date(row.last_sold_at).toISOString() : null,
    plan: planSku(
      {
        available: row.available,
        unitsSold24h: row.units_sold_24h,
        unitsSold7d: row.units_sold_7d,
        lowStockThreshold: row.low_stock_threshold,
      },
      settings,
    ),
  }));
  rows.sort((a, b) => compareUrgency(a.plan, b.plan) || a.product_name.localeCompare(b.product_name));
  return {
    rows,
    settings,
    totals: {
      skus: rows.length,
      critical: rows.filter((row) => row.plan.status === 'critical').length,
      low: rows.filter((row) => row.plan.status === 'low').length,
      units_available: rows.reduce((sum, row) => sum + row.available, 0),
      units_reserved: rows.reduce((sum, row) => sum + row.reserved, 0),
      open_alerts: rows.reduce((sum, row) => sum + row.alerts.length, 0),
    },
  };
}
