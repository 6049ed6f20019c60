import type { ProcessingQueue } from '@/lib/db/schema/orders';

/** pg-boss fetches higher priority first: express work (viral orders) jumps the queue. */
export const QUEUE_PRIORITY: Record<ProcessingQueue, number> = { express: 20, standard: 10, bulk: 0 };
