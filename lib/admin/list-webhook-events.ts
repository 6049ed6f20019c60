import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import type { WebhookLogQuery } from './schemas';

export type WebhookLogEntry = {
  id: string;
  provider: string;
  event_type: string;
  provider_event_id: string;
  external_ref: string | null;
  account_id: string | null;
  account_name: string | null;
  status: 'pending' | 'processed' | 'failed' | 'ignored';
  attempts: number;
  error: string | null;
  processing_ms: number | null;
  received_at: string;
  processed_at: string | null;
};

export type WebhookProviderStats = {
  provider: string;
  total: number;
  processed: number;
  ignored: number;
  failed: number;
  pending: number;
  /** (processed + ignored) / (processed + ignored + failed); pending events are not judged yet. */
  success_rate: number | null;
  average_ms: number | null;
  p95_ms: number | null;
};

export const WEBHOOK_PAGE_SIZE = 50;

// Drizzle's node-postgres driver hands timestamps back as strings; new Date() reads either form.
type Row = Omit<WebhookLogEntry, 'received_at' | 'processed_at'> & {
  received_at: Date | string;
  processed_at: Date | string | null;
  total: number;
};

/** The inbound webhook log across every tenant (ops only), newest first, filtered by provider/status. */
export async function unsafeListWebhookEvents(
  query: WebhookLogQuery,
): Promise<{ events: WebhookLogEntry[]; total: number }> {
  const conditions = [sql`true`];
  if (query.provider) conditions.push(sql`w.provider = ${query.provider}`);
  if (query.status) conditions.push(sql`w.status = ${query.status}`);
  const result = await asSystem((tx) =>
    tx.execute<Row>(sql`
      select w.id, w.provider, w.event_type, w.provider_event_id, w.external_ref, w.account_id, a.name as account_name,
        w.status, w.attempts, w.error, w.processing_ms, w.received_at, w.processed_at, count(*) over ()::int as total
      from public.webhook_events w left join public.accounts a on a.id = w.account_id
      where ${sql.join(conditions, sql` and `)}
      order by w.received_at desc, w.id desc
      limit ${WEBHOOK_PAGE_SIZE} offset ${(query.page - 1) * WEBHOOK_PAGE_SIZE}`),
  );
  return {
    events: result.rows.map(({ total: _total, ...row }) => ({
      ...row,
      received_at: new Date(row.received_at).toISOString(),
      processed_at: row.processed_at ? new Date(row.processed_at).toISOString() : null,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}

/** Per provider over the last `hours`: counts by outcome, success rate, mean and p95 processing time. */
export async function unsafeGetWebhookStats(hours = 24): Promise<WebhookProviderStats[]> {
  const result = await asSystem((tx) =>
    tx.execute<Omit<WebhookProviderStats, 'success_rate'>>(sql`
      select w.provider, count(*)::int as total,
        count(*) filter (where w.status = 'processed')::int as processed,
        count(*) filter (where w.status = 'ignored')::int as ignored,
        count(*) filter (where w.status = 'failed')::int as failed,
        count(*) filter (where w.status = 'pending')::int as pending,
        round(avg(w.processing_ms))::float8 as average_ms,
        percentile_cont(0.95) within group (order by w.processing_ms)::float8 as p95_ms
      from public.webhook_events w
      where w.received_at >= now() - make_interval(hours => ${hours})
      group by w.provider order by w.provider`),
  );
  return result.rows.map((row) => {
    const judged = row.processed + row.ignored + row.failed;
    return {
      ...row,
      success_rate: judged ? Math.round(((row.processed + row.ignored) / judged) * 1000) / 1000 : null,
    };
  });
}
