import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

/**
 * GET /api/health's body (DESIGN.md public contract). Each check is real or says
 * `not_configured`; later capabilities register their own checks here.
 */
export type CheckStatus = 'healthy' | 'degraded' | 'unhealthy' | 'not_configured';
export type HealthCheck = { status: CheckStatus; latencyMs?: number; message?: string; details?: unknown };

export type Health = {
  status: 'healthy' | 'degraded' | 'unhealthy';
  timestamp: string;
  checks: { database: HealthCheck; tiktokAPI: HealthCheck; workflowEngine: HealthCheck; messageQueue: HealthCheck };
  metrics: { activeOrders: number; pendingWorkflows: number; queueDepth: number; lastProcessedOrder: string | null };
};

type Probe = () => Promise<HealthCheck>;
type ProbeName = Exclude<keyof Health['checks'], 'database'>;
const globalProbes = globalThis as typeof globalThis & {
  __creatorflowHealth?: { probes: Partial<Record<ProbeName, Probe>>; metrics?: () => Promise<Partial<Health['metrics']>> };
};
const registry = (globalProbes.__creatorflowHealth ??= { probes: {} });

/** Capabilities plug their checks in at start-up (the queue, the TikTok client, the workflow). */
export function registerHealthProbe(name: ProbeName, probe: Probe): void {
  registry.probes[name] = probe;
}
export function registerMetricsProbe(probe: () => Promise<Partial<Health['metrics']>>): void {
  registry.metrics = probe;
}

async function timed(probe: Probe): Promise<HealthCheck> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const result = await Promise.race([
      probe(),
      new Promise<HealthCheck>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'unhealthy', message: 'timed out after 3 s' }), 3000);
      }),
    ]);
    return { latencyMs: Math.round(performance.now() - started), ...result };
  } catch {
    return { status: 'unhealthy', latencyMs: Math.round(performance.now() - started), message: 'check failed' };
  } finally {
    clearTimeout(timer);
  }
}

const databaseProbe: Probe = async () => {
  await getDb().execute(sql`select 1`);
  return { status: 'healthy' };
};

export async function getHealth(): Promise<Health> {
  const notConfigured: Probe = async () => ({ status: 'not_configured' });
  const [database, tiktokAPI, workflowEngine, messageQueue] = await Promise.all([
    timed(databaseProbe),
    timed(registry.probes.tiktokAPI ?? notConfigured),
    timed(registry.probes.workflowEngine ?? notConfigured),
    timed(registry.probes.messageQueue ?? notConfigured),
  ]);
  const checks = { database, tiktokAPI, workflowEngine, messageQueue };
  const statuses = Object.values(checks).map((check) => check.status);
  const status =
    database.status === 'unhealthy'
      ? 'unhealthy'
      : statuses.some((s) => s === 'unhealthy' || s === 'degraded')
        ? 'degraded'
        : 'healthy';
  const metrics = { activeOrders: 0, pendingWorkflows: 0, queueDepth: 0, lastProcessedOrder: null as string | null };
  if (registry.metrics && database.status === 'healthy') Object.assign(metrics, await registry.metrics().catch(() => ({})));
  return { status, timestamp: new Date().toISOString(), checks, metrics };
}
