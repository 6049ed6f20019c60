import 'server-only';
import { systemDb } from '@/lib/db';
import { loadOrderSnapshots, type OrderSnapshot } from '@/lib/orders';
import { logger } from '@/lib/logger';
import { defaultBuyLabelDeps, failOrder, type BuyLabelDeps } from './buy-label';
import { applyOutcome, commitAttempts } from './purchase-label';
import { quoteShipments } from './quote-shipment';
import { recordPurchases, type PurchasedItem } from './record-purchase-outcome';
import { createShipments, loadShipmentsWithOrders, packageRefFor, type ShipmentOrder, type ShipmentRow } from './shipment-records';
import { withShipmentLocks } from './shipment-lock';
import { storeLabelDocuments } from './store-label-document';

export type LabelRequest = { accountId: string; orderId: string };

const refOf = (snapshot: OrderSnapshot): LabelRequest => ({ accountId: snapshot.order.accountId, orderId: snapshot.order.id });

/**
 * The batch path of `shipping.buy-label`: the labels of the orders a worker fetched together, each
 * through the same steps as buyLabel, done for all of them at once. Shipments are created by one
 * insert, their advisory locks taken by one statement on one connection, re-read under the locks
 * by one statement; the carrier is asked for rates side by side (the requests built and the quotes
 * saved by one statement each), every attempt is committed by one statement BEFORE the purchase
 * calls (which then run side by side), the purchased labels, their shipments and their orders are
 * recorded in one transaction, and the label files are stored by one insert. So the guarantees are the
 * single path's: the attempt journal, the lock, one label per package.
 *
 * Only an order waiting for its first label takes this path. An order no rate fits is failed here,
 * as buyLabel fails it. Anything else (an open attempt to look up, a refusal, an unknown outcome,
 * a carrier error, an order that changed meanwhile) is returned, and the job runs buyLabel for it,
 * which carries on from the state this left in the database. A label whose lock another worker
 * holds is that worker's to buy.
 */
export async function buyLabels(requests: readonly LabelRequest[], deps: BuyLabelDeps = defaultBuyLabelDeps()): Promise<LabelRequest[]> {
  const leftover = new Map<string, LabelRequest>();
  const snapshots = await loadOrderSnapshots(systemDb(), requests);
  const loaded = new Set(snapshots.map((snapshot) => snapshot.order.id));
  for (const request of requests) if (!loaded.has(request.orderId)) leftover.set(request.orderId, request);
  const fresh: OrderSnapshot[] = [];
  for (const snapshot of snapshots) {
    const waiting = snapshot.order.workflowStatus === 'inventory_reserved' && snapshot.order.recipient && (!snapshot.shipment || snapshot.shipment.status === 'pending');
    if (waiting) fresh.push(snapshot);
    else leftover.set(snapshot.order.id, refOf(snapshot));
  }

  const created = await createShipments(systemDb(), fresh.filter((snapshot) => !snapshot.shipment).map((snapshot) => ({
    accountId: snapshot.order.accountId, orderId: snapshot.order.id, packageRef: packageRefFor(snapshot.order),
    carrier: deps.gateway.preferred, serviceLevel: snapshot.order.serviceLevel,
  })));
  const shipmentIds = new Map<string, string>();
  for (const snapshot of fresh) {
    const id = snapshot.shipment?.id ?? created.get(snapshot.order.id);
    if (id) shipmentIds.set(snapshot.order.id, id);
    else leftover.set(snapshot.order.id, refOf(snapshot)); // a racing creator made it: buyLabel takes it from there
  }

  const purchased: PurchasedItem[] = [];
  await withShipmentLocks([...shipmentIds.values()], async (acquired) => {
    const mine = fresh.filter((snapshot) => acquired.has(shipmentIds.get(snapshot.order.id) ?? ''));
    const current = await loadShipmentsWithOrders(systemDb(), mine.map((snapshot) => ({ accountId: snapshot.order.accountId, shipmentId: shipmentIds.get(snapshot.order.id)! })));
    const ready: { shipment: ShipmentRow; order: ShipmentOrder & { recipient: NonNullable<ShipmentOrder['recipient']> } }[] = [];
    for (const snapshot of mine) {
      const row = current.get(shipmentIds.get(snapshot.order.id)!);
      const order = row?.order;
      if (row && row.shipment.status === 'pending' && order?.workflowStatus === 'inventory_reserved' && order.recipient) ready.push({ shipment: row.shipment, order: { ...order, recipient: order.recipient } });
      else leftover.set(snapshot.order.id, refOf(snapshot));
    }

    const quoted = await quoteShipments(ready.map(({ shipment, order }) => ({
      shipment, order: { accountId: shipment.accountId, orderId: shipment.orderId, recipient: order.recipient, serviceLevel: order.serviceLevel, dispatchDeadline: order.dispatchDeadline },
    })), deps);
    const quotes = await Promise.all(quoted.map(async (outcome, index) => {
      const { shipment } = ready[index]!;
      if (outcome.kind === 'quoted') return { shipment: outcome.shipment, quote: outcome.quote };
      // No rate fits (an answer no retry changes): the order fails here, as buyLabel would fail it.
      if (outcome.kind === 'unfit') await failOrder(shipment, outcome.reason);
      else {
        logger.info({ orderId: shipment.orderId, err: outcome.error }, 'rates failed in a label batch; the order goes on alone');
        leftover.set(shipment.orderId, { accountId: shipment.accountId, orderId: shipment.orderId });
      }
      return null;
    }));
    const toBuy = quotes.filter((quote) => quote !== null);
    const attempts = await commitAttempts(toBuy, deps.config.requestTimeoutMs);

    await Promise.all(toBuy.map(async ({ shipment, quote }) => {
      const attemptId = attempts.get(shipment.id);
      if (attemptId) {
        try {
          const outcome = await deps.gateway.adapter(shipment.carrier).purchase({ rate: quote, reference: shipment.packageRef });
          if (outcome.kind === 'purchased') return void purchased.push({ shipment, attemptId, label: outcome });
          await applyOutcome(shipment, attemptId, outcome, 'purchase');
        } catch (error) {
          // The attempt stays open: buyLabel looks it up before anything else.
          logger.warn({ shipmentId: shipment.id, err: error }, 'purchase call failed in a label batch');
        }
      }
      leftover.set(shipment.orderId, { accountId: shipment.accountId, orderId: shipment.orderId });
    }));
    await recordPurchases(purchased);
  });

  // The label files, after the locks (as buyLabel): a failed download is left to buyLabel's retry.
  const stored = await storeLabelDocuments(purchased.map(({ shipment }) => ({ accountId: shipment.accountId, shipmentId: shipment.id }))).catch((error: unknown) => purchased.map(() => error));
  stored.forEach((outcome, index) => {
    const { shipment } = purchased[index]!;
    if (typeof outcome !== 'string') leftover.set(shipment.orderId, { accountId: shipment.accountId, orderId: shipment.orderId });
  });
  return [...leftover.values()];
}
