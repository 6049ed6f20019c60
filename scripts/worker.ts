// bun run worker — the same queue workers as the web process, without the web server. Run as many
// as you like (they share the queues through Postgres with SKIP LOCKED); SIGTERM drains and stops.
import { logger } from '@/lib/logger';
import { startQueueRuntime, stopQueueRuntime } from '@/lib/queue/runtime';

await startQueueRuntime({ workers: true });
logger.info('worker running; SIGTERM or Ctrl-C to stop');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining workers');
    void stopQueueRuntime().then(() => process.exit(0));
  });
}
