import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import { registerHealthProbe, type HealthCheck } from '@/lib/health/get-health';

/** An order that could move on its own but has not for this long means the pipeline is stuck. */
const STALLED_AFTER_MINUTES = 15;

/**
 * The `workflowEngine` check of GET /api/health: orders in flight, failed orders waiting for a
 * person, and orders that could move on their own but have not for 15 minutes (degraded: the
 * reconciler or the workers are not keeping up).
 */
export async function checkWorkflowHealth(): Promise<HealthCheck> {
  const result = await asSystem((tx) =>
    tx.execute<{ in_flight: number; failed: number; stalled: number; last_processed: string | null }>(sql`
      select
        count(*) filter (where workflow_status in ('new', 'validated', 'inventory_reserved', 'ready_to_ship'))::int as in_flight,
        count(*) filter (where workflow_status = 'failed')::int as failed,
        count(*) filter (where workflow_status in ('new', 'validated', 'inventory_reserved', 'ready_to_ship')
          and not backordered and not on_hold_for_review and order_status = 'AWAITING_SHIPMENT'
          and updated_at < now() - make_interval(mins => ${STALLED_AFTER_MINUTES}))::int as stalled,
        max(updated_at)::text as last_processed
      from public.orders`),
  );
  const row = result.rows[0]!;
  return {
    status: row.stalled > 0 ? 'degraded' : 'healthy',
    ...(row.stalled > 0 ? { message: `${row.stalled} orders have not moved for ${STALLED_AFTER_MINUTES} minutes` } : {}),
    details: { inFlight: row.in_flight, failed: row.failed, stalled: row.stalled, lastProcessedAt: row.last_processed },
  };
}

/** Called at queue start-up, next to the TikTok integration's probe. */
export function registerWorkflowHealth(): void {
  registerHealthProbe('workflowEngine', checkWorkflowHealth);
}
