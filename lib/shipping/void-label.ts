import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { CarrierRequestError } from '@/lib/shipping/carriers';
import { getShippingConfig, type ShippingConfig } from './config';
import { RetryLabelLater } from './errors';
import { getCarrierGateway, type CarrierGateway } from './gateway';
import { OutcomeStillUnknown, resolveOpenAttempt } from './purchase-label';
import { loadShipment, setShipmentStatus } from './shipment-records';
import { withShipmentLock } from './shipment-lock';

export type VoidLabelResult = 'voided' | 'void_pending' | 'no_label' | 'rejected' | 'not_cancelled';

/**
 * Job `shipping.void-label`: the order was cancelled before it shipped, so its label is refunded.
 * Runs under the same shipment lock as buy-label; a purchase still in flight makes this wait
 * (retry), an attempt left open is looked up first, so a label bought at the last moment is
 * voided too. A shipment that never got a label is closed as `voided` so nobody buys one later.
 */
export async function voidLabel(
  input: { accountId: string; shipmentId: string },
  deps: { config: ShippingConfig; gateway: CarrierGateway } = { config: getShippingConfig(), gateway: getCarrierGateway() },
): Promise<VoidLabelResult> {
  const locked = await withShipmentLock(input.shipmentId, async (): Promise<VoidLabelResult> => {
    let shipment = await asSystem((tx) => loadShipment(tx, input));
    if (!shipment) return 'no_label';
    const [order] = await asSystem((tx) =>
      tx.select({ workflowStatus: tables.orders.workflowStatus }).from(tables.orders).where(and(eq(tables.orders.id, shipment!.orderId), eq(tables.orders.accountId, input.accountId))),
    );
    if (order?.workflowStatus !== 'cancelled') return 'not_cancelled';

    if (shipment.status === 'purchasing' || shipment.status === 'unknown_outcome') {
      try {
        await resolveOpenAttempt(shipment, deps.gateway, { graceMs: deps.config.unknownOutcomeGraceMs });
      } catch (error) {
        if (error instanceof OutcomeStillUnknown) throw new RetryLabelLater(error.message);
        throw error;
      }
      shipment = (await asSystem((tx) => loadShipment(tx, input)))!;
    }
    if (shipment.status === 'voided' || shipment.status === 'void_pending') return shipment.status;
    if (shipment.status !== 'purchased' || !shipment.transactionId) {
      await asSystem((tx) => setShipmentStatus(tx, shipment!.id, 'voided', { from: ['pending', 'quoted', 'failed', 'purchasing', 'unknown_outcome'] }));
      return 'no_label';
    }

    let refund;
    try {
      refund = await deps.gateway.adapter(shipment.carrier).refund({ transactionId: shipment.transactionId });
    } catch (error) {
      if (error instanceof CarrierRequestError && !error.retryable) {
        await asSystem((tx) => setShipmentStatus(tx, shipment!.id, 'purchased', { lastError: `void refused: ${error.message}`.slice(0, 1000) }));
        return 'rejected';
      }
      throw error;
    }
    const status = refund.status === 'refunded' ? 'voided' : refund.status === 'pending' ? 'void_pending' : 'purchased';
    await asSystem((tx) =>
      tx
        .update(tables.shipments)
        .set({
          status, updatedAt: sql`now()`,
          ...(status === 'voided' ? { voidedAt: sql`now()` } : {}),
          ...(refund.status === 'rejected' ? { lastError: 'the carrier rejected the refund' } : {}),
        })
        .where(eq(tables.shipments.id, shipment!.id)),
    );
    return refund.status === 'rejected' ? 'rejected' : status === 'voided' ? 'voided' : 'void_pending';
  });
  if (!locked.acquired) throw new RetryLabelLater('a label purchase for this shipment is in flight; voiding after it settles');
  return locked.value;
}
