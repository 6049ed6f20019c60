import 'server-only';
import { getReadyBoss } from '@/lib/queue/runtime';

/**
 * Registers the every-minute reconciler with pg-boss's scheduler (idempotent: a schedule is keyed
 * by its queue name, and every process may call this at start-up; pg-boss runs it once per minute
 * across all of them).
 */
export async function schedulePipelineMaintenance(): Promise<void> {
  const boss = await getReadyBoss();
  await boss.schedule('orders.reconcile-pipeline', '* * * * *', {});
}
