import 'server-only';
import { asSystem, systemDb } from '@/lib/db';
import { applyTransition, loadOrderSnapshot } from '@/lib/orders';
import { logger } from '@/lib/logger';
import { getShippingConfig, type ShippingConfig } from './config';
import { RetryLabelLater } from './errors';
import { getCarrierGateway, type CarrierGateway } from './gateway';
import { OutcomeStillUnknown, purchaseLabel, resolveOpenAttempt } from './purchase-label';
import { quoteOf, ensureShipment, loadShipmentWithOrder, packageRefFor, setShipmentStatus, type ShipmentRow } from './shipment-records';
import { quoteShipment } from './quote-shipment';
import { moveOrderAfterPurchase } from './record-purchase-outcome';
import { withShipmentLock } from './shipment-lock';
import { storeLabelDocument } from './store-label-document';

export type BuyLabelResult = 'purchased' | 'already_purchased' | 'skipped' | 'busy' | 'failed';

export type BuyLabelDeps = { config: ShippingConfig; gateway: CarrierGateway };

export const defaultBuyLabelDeps = (): BuyLabelDeps => ({ config: getShippingConfig(), gateway: getCarrierGateway() });

/** Marks the order failed (source carrier) when no label can be had for it; people retry it from the UI. */
export async function failOrder(shipment: ShipmentRow, reason: string): Promise<void> {
  await asSystem(async (tx) => {
    await setShipmentStatus(tx, shipment.id, 'failed', { lastError: reason.slice(0, 1000) });
    const snapshot = await loadOrderSnapshot(tx, { accountId: shipment.accountId, orderId: shipment.orderId });
    if (!snapshot || snapshot.order.workflowStatus !== 'inventory_reserved') return;
    await applyTransition(tx, snapshot, { event: 'fail', source: 'carrier', reason: `No label: ${reason}` });
  });
}

/** The purchase state machine of one shipment, run under its lock. */
async function driveShipment(shipmentId: string, accountId: string, deps: BuyLabelDeps): Promise<BuyLabelResult> {
  for (let round = 0; round < 4; round += 1) {
    const loaded = await loadShipmentWithOrder(systemDb(), { accountId, shipmentId });
    if (!loaded) return 'skipped';
    const { shipment, order } = loaded;
    switch (shipment.status) {
      case 'purchased':
        await asSystem((tx) => moveOrderAfterPurchase(tx, shipment, { trackingNumber: shipment.trackingNumber ?? '', provider: shipment.provider ?? '', carrier: shipment.carrier }));
        return 'already_purchased';
      case 'void_pending':
      case 'voided':
        return 'skipped';
      case 'purchasing':
      case 'unknown_outcome': {
        const { step, refusal } = await resolveOpenAttempt(shipment, deps.gateway, { graceMs: deps.config.unknownOutcomeGraceMs });
        if (step === 'none') await asSystem((tx) => setShipmentStatus(tx, shipment.id, 'pending', { from: ['purchasing', 'unknown_outcome'] }));
        if (step === 'purchased') return 'purchased';
        if (step === 'failed') {
          // The lost answer was a refusal: the order fails with the carrier's words, as on the call.
          await failOrder(shipment, refusal ?? 'the carrier refused the label');
          return 'failed';
        }
        if (step === 'retry_later') throw new RetryLabelLater('the carrier is rate limiting purchases');
        continue;
      }
      case 'failed':
      case 'pending':
      case 'quoted': {
        if (!order || order.workflowStatus !== 'inventory_reserved' || !order.recipient) return 'skipped';
        let quote = shipment.status === 'quoted' ? quoteOf(shipment) : null;
        // The row the purchase starts from: as loaded under the lock, or as the new quote left it.
        let fresh = shipment;
        if (!quote || Date.now() - quote.quotedAt.getTime() > deps.config.maxQuoteAgeMs) {
          const quoted = await quoteShipment(
            shipment,
            { accountId, orderId: shipment.orderId, recipient: order.recipient, serviceLevel: order.serviceLevel, dispatchDeadline: order.dispatchDeadline },
            deps,
          );
          if (quoted.kind === 'unfit') {
            await failOrder(shipment, quoted.reason);
            return 'failed';
          }
          quote = quoted.quote;
          fresh = quoted.shipment;
        }
        const { step, refusal } = await purchaseLabel(fresh, quote, deps.gateway, deps.config.requestTimeoutMs);
        if (step === 'purchased') return 'purchased';
        if (step === 'abandoned') return 'skipped';
        if (step === 'failed') {
          await failOrder(fresh, refusal ?? 'the carrier refused the label');
          return 'failed';
        }
        if (step === 'retry_later') throw new RetryLabelLater('the carrier is rate limiting purchases');
        continue; // requote, or unknown: the next round looks the attempt up at once
      }
    }
  }
  throw new RetryLabelLater('label purchase did not settle in this run');
}

/**
 * Job `shipping.buy-label`: buys the order's label at most once. The shipment row is the state
 * machine (pending → quoted → purchasing → purchased | failed | unknown_outcome) and
 * label_purchase_attempts its journal; everything runs under the shipment's advisory lock, so two
 * runs never buy side by side, and a run that finds an attempt left open by a dead worker looks it
 * up before anything else. After the purchase the label file is stored (label_documents).
 */
export async function buyLabel(input: { accountId: string; orderId: string }, deps: BuyLabelDeps = defaultBuyLabelDeps()): Promise<BuyLabelResult> {
  // No transaction: the snapshot is a read and ensureShipment writes at most once.
  const snapshot = await loadOrderSnapshot(systemDb(), input);
  if (!snapshot) return 'skipped';
  const existing = snapshot.order.workflowStatus === 'inventory_reserved'
    ? await ensureShipment(systemDb(), {
      accountId: input.accountId, orderId: input.orderId, packageRef: packageRefFor(snapshot.order),
      carrier: snapshot.shipment?.carrier ?? deps.gateway.preferred, serviceLevel: snapshot.order.serviceLevel, newest: snapshot.shipment,
    })
    : snapshot.shipment;
  if (!existing) return 'skipped';

  const locked = await withShipmentLock(existing.id, async () => {
    try {
      return await driveShipment(existing.id, input.accountId, deps);
    } catch (error) {
      if (error instanceof OutcomeStillUnknown) throw new RetryLabelLater(error.message);
      throw error;
    }
  });
  if (!locked.acquired) {
    logger.debug({ orderId: input.orderId }, 'label purchase already in progress elsewhere');
    return 'busy';
  }
  if (locked.value === 'purchased' || locked.value === 'already_purchased') await storeLabelDocument({ accountId: input.accountId, shipmentId: existing.id });
  return locked.value;
}
