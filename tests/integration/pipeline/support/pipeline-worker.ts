// A queue worker process for the crash test: `bun --preload ./scripts/lib/server-runtime.ts
// tests/integration/pipeline/support/pipeline-worker.ts`. The same workers as `bun run worker`
// (every registered job), configured from the environment the test hands it (database, simulator
// URLs; WORKER_CARRIER_TIMEOUT_MS shortens carrier requests so the test's recovery waits less).
// Prints READY once it is draining the queues; the test then kills it with SIGKILL.
import { startWorkers } from '@/lib/queue/runtime';
import { configureShipping, getShippingConfig } from '@/lib/shipping';

const timeoutMs = Number(process.env.WORKER_CARRIER_TIMEOUT_MS ?? 0);
if (timeoutMs > 0) configureShipping({ ...getShippingConfig(), requestTimeoutMs: timeoutMs });

await startWorkers();
process.stdout.write('READY\n');
// Stay alive until killed; SIGKILL gives no chance to clean up, which is the point.
setInterval(() => undefined, 60_000);
