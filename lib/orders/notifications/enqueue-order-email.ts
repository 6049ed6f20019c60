import 'server-only';
import { enqueueOrderDeliveredEmail, enqueueOrderShippedEmail } from '@/lib/email';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { OrderSnapshot } from '../workflow/snapshot';

/**
 * The buyer's "shipped" and "delivered" emails, enqueued (lib/email's helpers) in the transaction of
 * the transition that causes them. Each transition happens once per order (a conditional update)
 * and the email key (`order-shipped:<orderId>`) is unique in the outbox, so each goes out exactly
 * once. An order shipped by hand without a label has no tracking number and gets no email; an email
 * that cannot be built is logged and skipped rather than holding the order back.
 */
export async function enqueueOrderEmail(
  tx: Parameters<typeof enqueueOrderShippedEmail>[0],
  input: { template: 'order-shipped' | 'order-delivered'; snapshot: OrderSnapshot; at: Date },
): Promise<boolean> {
  const { order, shipment } = input.snapshot;
  if (!order.buyerEmail || !(shipment?.trackingNumber ?? order.trackingNumber)) return false;
  try {
    const result =
      input.template === 'order-shipped'
        ? await enqueueOrderShippedEmail(tx, { accountId: order.accountId, orderId: order.id })
        : await enqueueOrderDeliveredEmail(tx, { accountId: order.accountId, orderId: order.id, deliveredAt: input.at });
    return result.enqueued;
  } catch (error) {
    if (!isAppError(error)) throw error;
    logger.warn({ orderId: order.id, template: input.template, err: error }, 'order email not queued');
    return false;
  }
}
