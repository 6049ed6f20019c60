import 'server-only';
import type { JobContext } from '@/lib/queue/define-job';
import { enqueue } from '@/lib/queue';

/** Stock moves in bursts (a viral video reserves hundreds of units a minute); one push per shop per slot. */
export const INVENTORY_PUSH_DEBOUNCE_SECONDS = 3;

/**
 * `tiktok.push-inventory` (enqueued by inventory on every stock change, per shop): debounces into one
 * `tiktok.flush-inventory` per shop every few seconds, which reads current stock when it runs and sends
 * only what changed (sync/flush-shop-inventory.ts).
 */
export async function pushInventoryToTikTok(
  input: { accountId: string; shopId: string },
  _context?: JobContext,
): Promise<void> {
  await enqueue('tiktok.flush-inventory', input, { debounce: { key: input.shopId, seconds: INVENTORY_PUSH_DEBOUNCE_SECONDS } });
}
