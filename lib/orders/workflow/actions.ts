import 'server-only';
import { afterStockChange, checkLowStock, enqueueStockPush, releaseOrderStock, reserveOrderStock, shipOrderStock } from '@/lib/inventory';
import { enqueue, QUEUE_PRIORITY } from '@/lib/queue';
import { evaluateRules, loadActiveRules } from '../automation';
import { enqueueOrderEmail } from '../notifications/enqueue-order-email';
import { classifyWithCounts, orderMoment, recordOrderVelocity } from '../priority';
import { TransitionVeto, type ActionContext, type ActionImpl } from './action-context';
import { backorderAlertKey, orderErrorAlertKey, raiseAlert, resolveAlert } from './order-alerts';
import type { ActionName } from './transitions';

// The transition table's actions. Everything here runs inside the transaction that moves the
// order, so an action's effects (stock, alerts, jobs, emails) exist exactly when the move does.

const priorityOf = (ctx: ActionContext) => QUEUE_PRIORITY[ctx.order.processingQueue];
const productIds = (ctx: ActionContext) => ctx.snapshot.items.map((item) => item.tiktokProductId);
const stockLines = (ctx: ActionContext) =>
  ctx.snapshot.items.filter((item) => item.skuId).map((item) => ({ skuId: item.skuId!, quantity: item.quantity }));

export const ACTIONS: Record<ActionName, ActionImpl> = {
  classify_priority: {
    async prepare(ctx) {
      const { order } = ctx.snapshot;
      const result = await classifyWithCounts(ctx.tx, {
        accountId: order.accountId, productIds: productIds(ctx), totalCents: order.totalCents,
        dispatchDeadline: order.dispatchDeadline, at: orderMoment(order), now: ctx.now,
      });
      ctx.details.priority = { level: result.priority, impactScore: result.impactScore, velocity: result.estimatedVelocity, spikeRatio: result.spikeRatio };
      return { priority: result.priority, impactScore: result.impactScore, estimatedVelocity: result.estimatedVelocity, processingQueue: result.processingQueue };
    },
  },

  apply_automation_rules: {
    async prepare(ctx) {
      const { order, items } = ctx.snapshot;
      const rules = await loadActiveRules(ctx.tx, order.accountId);
      if (rules.length === 0) return;
      const outcome = evaluateRules(rules, {
        skus: items.flatMap((item) => [item.tiktokSkuId, ...(item.sellerSku ? [item.sellerSku] : [])]),
        weightGrams: items.reduce((sum, item) => sum + (item.weightGrams ?? 0) * item.quantity, 0),
        destinationCountry: order.recipient?.country ?? null,
        destinationState: order.recipient?.state ?? null,
        orderValueCents: order.totalCents,
        priority: ctx.patch.priority ?? order.priority,
      });
      if (outcome.matchedRuleIds.length === 0) return;
      ctx.details.automationRules = outcome.matchedRuleIds;
      return {
        ...(outcome.serviceLevel ? { serviceLevel: outcome.serviceLevel } : {}),
        ...(outcome.hold ? { onHoldForReview: true, holdReason: outcome.hold.reason } : {}),
        ...(outcome.tags.length > 0 ? { tags: [...new Set([...order.tags, ...outcome.tags])] } : {}),
        ...(outcome.skipAutoLabel ? { skipAutoLabel: true } : {}),
      };
    },
  },

  record_velocity: {
    locksSharedRows: true,
    run: (ctx) => recordOrderVelocity(ctx.tx, { accountId: ctx.order.accountId, productIds: productIds(ctx), at: orderMoment(ctx.order) }),
  },

  reserve_stock: {
    locksSharedRows: true,
    async run(ctx) {
      const lines = stockLines(ctx);
      // Everything that does not need the new numbers goes before the stock row is locked: of
      // a viral SKU's orders, each waits for the previous one's commit from the reservation on.
      await enqueueStockPush(ctx.tx, { accountId: ctx.order.accountId, shopIds: [ctx.order.shopId] });
      const result = await reserveOrderStock(ctx.tx, {
        accountId: ctx.order.accountId, orderId: ctx.order.id, lines, preferredWarehouseId: ctx.order.warehouseId, actorId: ctx.actorId,
      });
      if (!result.ok) {
        throw new TransitionVeto('stock_short', `not enough stock of SKU ${result.shortSkuId}`, {
          shortSkuId: result.shortSkuId, requested: result.requested, available: result.available,
        });
      }
      ctx.details.reserved = result.movements.map((m) => ({ skuId: m.skuId, warehouseId: m.warehouseId, quantity: m.reservedDelta }));
      // The reservation read each SKU's remaining stock back; only a new dip needs the full check.
      const dipped = result.movements.filter((m) => !m.lowStockAlerted && m.availableAfter <= m.lowStockThreshold).map((m) => m.skuId);
      if (dipped.length > 0) await checkLowStock(ctx.tx, { accountId: ctx.order.accountId, skuIds: dipped });
    },
  },

  raise_backorder_alert: {
    async run(ctx) {
      const skuId = String(ctx.details.shortSkuId ?? '');
      if (!skuId) return;
      const item = ctx.snapshot.items.find((candidate) => candidate.skuId === skuId);
      const label = item?.sellerSku ?? item?.tiktokSkuId ?? skuId;
      await raiseAlert(ctx.tx, {
        accountId: ctx.order.accountId, kind: 'backorder', severity: 'warning', title: `Backorder: ${label}`,
        body: `Orders are waiting for ${label}${item ? ` (${item.productName})` : ''}. They are retried, oldest first, when stock is added.`,
        entityType: 'sku', entityId: skuId, dedupeKey: backorderAlertKey(skuId),
      });
    },
  },

  push_tracking: {
    run: async (ctx) => {
      // By hand, only when asked and when there is a label whose tracking TikTok has not taken yet.
      if (ctx.def.event === 'mark_shipped' && (!ctx.syncToTiktok || !ctx.snapshot.shipment?.trackingNumber || ctx.order.trackingPushedAt)) return;
      ctx.details.trackingPush = true;
      await enqueue('tiktok.push-tracking', { accountId: ctx.order.accountId, orderId: ctx.order.id }, { tx: ctx.tx, priority: priorityOf(ctx) });
    },
  },

  ship_stock: {
    // Writes only a ledger line here; the stock row changes inside COMMIT (see shipOrderStock).
    run: async (ctx) => {
      const shipped = await shipOrderStock(ctx.tx, { accountId: ctx.order.accountId, orderId: ctx.order.id, reason: 'order shipped', actorId: ctx.actorId });
      ctx.details.shippedUnits = shipped.reduce((sum, line) => sum + line.units, 0);
    },
  },

  send_shipped_email: {
    run: async (ctx) => {
      if (!ctx.notifyCustomer) return;
      ctx.details.emailQueued = await enqueueOrderEmail(ctx.tx, { template: 'order-shipped', snapshot: ctx.snapshot, at: ctx.now });
    },
  },

  send_delivered_email: {
    run: async (ctx) => {
      if (!ctx.notifyCustomer) return;
      ctx.details.emailQueued = await enqueueOrderEmail(ctx.tx, { template: 'order-delivered', snapshot: ctx.snapshot, at: ctx.now });
    },
  },

  release_stock: {
    async run(ctx) {
      const movements = await releaseOrderStock(ctx.tx, { accountId: ctx.order.accountId, orderId: ctx.order.id, reason: `order ${ctx.def.event}`, actorId: ctx.actorId });
      if (movements.length === 0) return;
      ctx.details.releasedUnits = movements.reduce((sum, m) => sum - m.reservedDelta, 0);
      await afterStockChange(ctx.tx, { accountId: ctx.order.accountId, skuIds: movements.map((m) => m.skuId), direction: 'up' });
    },
  },

  void_label: {
    async run(ctx) {
      const shipment = ctx.snapshot.shipment;
      // A label that exists, or may exist (its purchase is in flight or unresolved), is voided;
      // the void job resolves an open attempt first.
      if (!shipment || !['purchased', 'purchasing', 'unknown_outcome', 'quoted', 'pending'].includes(shipment.status)) return;
      await enqueue('shipping.void-label', { accountId: ctx.order.accountId, shipmentId: shipment.id }, { tx: ctx.tx, priority: priorityOf(ctx) });
      ctx.details.voidLabel = shipment.id;
    },
  },

  raise_pipeline_alert: {
    prepare: async (ctx) => ({ lastError: ctx.reason.slice(0, 500) }),
    async run(ctx) {
      await raiseAlert(ctx.tx, {
        accountId: ctx.order.accountId, kind: 'pipeline_error', severity: 'warning', title: `Order ${ctx.order.tiktokOrderId} needs attention`,
        body: ctx.reason, entityType: 'order', entityId: ctx.order.id, dedupeKey: orderErrorAlertKey(ctx.order.id),
      });
    },
  },

  schedule_advance: {
    prepare: async (ctx) => (ctx.def.event === 'retry' ? { lastError: null } : undefined),
    async run(ctx) {
      if (ctx.def.event === 'retry') await resolveAlert(ctx.tx, { accountId: ctx.order.accountId, dedupeKey: orderErrorAlertKey(ctx.order.id) });
      await enqueue('orders.advance-order', { accountId: ctx.order.accountId, orderId: ctx.order.id, reason: ctx.def.event }, { tx: ctx.tx, priority: priorityOf(ctx) });
    },
  },
};
