// Node runtime start-up (imported by instrumentation.ts): queues are created, and workers drain
// them in-process unless QUEUE_WORKERS_ENABLED=false (then `bun run worker` does it elsewhere).
// Skipped during `next build`. SIGTERM drains the workers before the process exits.
import { getServerAnalytics } from '@/lib/analytics/server';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { startQueueRuntime, stopQueueRuntime } from '@/lib/queue/runtime';

if (process.env.NEXT_PHASE !== 'phase-production-build') {
  try {
    await startQueueRuntime({ workers: env.QUEUE_WORKERS_ENABLED });
  } catch (error) {
    // The web app still serves; /api/health reports the queue as not ready until a restart.
    logger.error({ err: error }, 'queue runtime failed to start');
  }
  process.once('SIGTERM', () => {
    void Promise.allSettled([stopQueueRuntime(), getServerAnalytics().shutdown()]).finally(() => process.exit(0));
  });
}
