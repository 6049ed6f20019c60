import 'server-only';
import { sql } from 'drizzle-orm';
import { withRls, type JwtClaims } from '@/lib/db';
import type { ShopStatus } from '@/lib/db/schema/shops';
import { getCircuitStates } from '../circuit-breakers';
import type { CircuitStateName } from '../types';

export interface ShopSummary {
  id: string;
  tiktokShopId: string;
  name: string;
  region: string | null;
  status: ShopStatus;
  connectedAt: string;
  lastSyncedAt: string | null;
  authorizationExpiresAt: string | null;
  lastError: string | null;
  /** Orders a webhook announced that are waiting for their detail fetch. */
  pendingOrderSyncs: number;
  circuit: CircuitStateName;
  webhooks: {
    lastReceivedAt: string | null;
    /** Over the last 24 h. */
    events24h: number;
    succeeded24h: number;
    failed24h: number;
    /** succeeded / (succeeded + failed); null when nothing finished. */
    successRate24h: number | null;
    /** Receipt → effect committed, in ms; null when nothing was processed. */
    avgProcessingMs24h: number | null;
  };
}

type Row = {
  id: string;
  shop_id: string;
  name: string;
  region: string | null;
  status: ShopStatus;
  created_at: Date;
  last_synced_at: Date | null;
  authorization_expires_at: Date | null;
  last_error: string | null;
  last_webhook_at: Date | null;
  events: number;
  succeeded: number;
  failed: number;
  avg_ms: number | null;
  pending: number;
};

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** The account's shops with connection status and webhook health, for Settings → Shops (through RLS). */
export async function listShops(context: { accountId: string; claims: JwtClaims }): Promise<ShopSummary[]> {
  const result = await withRls(context.claims, (tx) =>
    tx.execute<Row>(sql`
      select s.id, s.shop_id, s.name, s.region, s.status, s.created_at, s.last_synced_at,
        s.authorization_expires_at, s.last_error,
        (select e.received_at from public.webhook_events e
          where e.provider = 'tiktok' and e.external_ref = s.shop_id and e.account_id = s.account_id
          order by e.received_at desc limit 1) as last_webhook_at,
        coalesce(w.events, 0)::int as events, coalesce(w.succeeded, 0)::int as succeeded,
        coalesce(w.failed, 0)::int as failed, w.avg_ms::float8 as avg_ms,
        (select count(*) from public.tiktok_order_sync_requests r where r.shop_id = s.id)::int as pending
      from public.tiktok_shops s
      left join lateral (
        select count(*) as events,
          count(*) filter (where e.status in ('processed', 'ignored')) as succeeded,
          count(*) filter (where e.status = 'failed') as failed,
          avg(e.processing_ms) filter (where e.status = 'processed') as avg_ms
        from public.webhook_events e
        where e.provider = 'tiktok' and e.external_ref = s.shop_id and e.account_id = s.account_id
          and e.received_at > now() - interval '24 hours'
      ) w on true
      where s.account_id = ${context.accountId}
      order by s.created_at, s.name`),
  );
  const circuits = getCircuitStates();
  return result.rows.map((row) => {
    const finished = row.succeeded + row.failed;
    return {
      id: row.id,
      tiktokShopId: row.shop_id,
      name: row.name,
      region: row.region,
      status: row.status,
      connectedAt: iso(row.created_at)!,
      lastSyncedAt: iso(row.last_synced_at),
      authorizationExpiresAt: iso(row.authorization_expires_at),
      lastError: row.last_error,
      pendingOrderSyncs: row.pending,
      circuit: circuits[row.shop_id] ?? 'closed',
      webhooks: {
        lastReceivedAt: iso(row.last_webhook_at),
        events24h: row.events,
        succeeded24h: row.succeeded,
        failed24h: row.failed,
        successRate24h: finished === 0 ? null : row.succeeded / finished,
        avgProcessingMs24h: row.avg_ms === null ? null : Math.round(row.avg_ms),
      },
    };
  });
}
