import 'server-only';
import { enqueueOrderEmails, type OrderEmailRequest } from '@/lib/email';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { ActionContext } from '../workflow/action-context';

/**
 * The buyer's "shipped" and "delivered" emails of the orders a transition moves, enqueued in its
 * transaction (the `run` phase of the workflow's send_*_email actions), set-based: lib/email's
 * enqueueOrderEmails loads, checks and enqueues the whole batch in a few statements. Each
 * transition happens once per order (a conditional update) and the email key
 * (`order-shipped:<orderId>`) is unique in the outbox, so each goes out exactly once.
 *
 * A person may ask for no email (notifyCustomer). An order shipped by hand without a label has no
 * tracking number and gets no email; an email that cannot be built is logged and skipped rather
 * than holding the order back. Each order's `details.emailQueued` says whether its email was queued.
 */
export async function sendBuyerEmails(
  ctxs: readonly ActionContext[],
  template: 'order-shipped' | 'order-delivered',
): Promise<void> {
  const notified = ctxs.filter((ctx) => ctx.notifyCustomer);
  const asked = notified.filter(
    ({ snapshot: { order, shipment } }) =>
      order.buyerEmail && (shipment?.trackingNumber ?? order.trackingNumber),
  );
  const requests = asked.map(({ snapshot: { order }, now }): OrderEmailRequest => {
    const ref = { accountId: order.accountId, orderId: order.id };
    return template === 'order-shipped'
      ? { ...ref, template: 'order-shipped' }
      : { ...ref, template: 'order-delivered', deliveredAt: now };
  });
  const results = requests.length === 0 ? [] : await enqueueOrderEmails(asked[0]!.tx, requests);
  const byOrder = new Map(requests.map((request, index) => [request.orderId, results[index]!]));
  for (const ctx of notified) {
    const result = byOrder.get(ctx.snapshot.order.id);
    if (result instanceof AppError) {
      logger.warn({ orderId: ctx.snapshot.order.id, template, err: result }, 'order email not queued');
    }
    ctx.details.emailQueued = result !== undefined && !(result instanceof AppError) && result.enqueued;
  }
}
