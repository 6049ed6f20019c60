import 'server-only';
import { afterStockChange, checkLowStock, enqueueStockPush, releaseOrderStock, reserveOrdersStock, shipOrdersStock } from '@/lib/inventory';
import { enqueue, enqueueMany, QUEUE_PRIORITY } from '@/lib/queue';
import { evaluateRules, loadActiveRules } from '../automation';
import { sendBuyerEmails } from '../notifications/enqueue-order-email';
import { classifyOrders, orderMoment, recordOrderVelocity } from '../priority';
import { eachOrder, TransitionVeto, type ActionContext, type ActionImpl } from './action-context';
import { backorderAlertKey, orderErrorAlertKey, raiseAlert, resolveAlert } from './order-alerts';
import type { ActionName } from './transitions';

// The transition table's actions. Everything here runs inside the transaction that moves the
// orders, so an action's effects (stock, alerts, jobs, emails) exist exactly when the move does.
// Each phase gets every order the transition moves at once (see ActionImpl).

const priorityOf = (ctx: ActionContext) => QUEUE_PRIORITY[ctx.order.processingQueue];
const productIds = (ctx: ActionContext) => ctx.snapshot.items.map((item) => item.tiktokProductId);
const stockLines = (ctx: ActionContext) =>
  ctx.snapshot.items.filter((item) => item.skuId).map((item) => ({ skuId: item.skuId!, quantity: item.quantity }));

export const ACTIONS: Record<ActionName, ActionImpl> = {
  classify_priority: {
    async prepare(ctxs) {
      const results = await classifyOrders(ctxs[0]!.tx, ctxs.map((ctx) => ({
        accountId: ctx.order.accountId, productIds: productIds(ctx), totalCents: ctx.order.totalCents,
        dispatchDeadline: ctx.order.dispatchDeadline, at: orderMoment(ctx.order), now: ctx.now,
      })));
      return ctxs.map((ctx, index) => {
        const result = results[index]!;
        ctx.details.priority = { level: result.priority, impactScore: result.impactScore, velocity: result.estimatedVelocity, spikeRatio: result.spikeRatio };
        return { priority: result.priority, impactScore: result.impactScore, estimatedVelocity: result.estimatedVelocity, processingQueue: result.processingQueue };
      });
    },
  },

  apply_automation_rules: {
    async prepare(ctxs) {
      const patches = [];
      for (const ctx of ctxs) {
        const { order, items } = ctx.snapshot;
        // Cached per account (load-active-rules.ts): a batch reads them once.
        const rules = await loadActiveRules(ctx.tx, order.accountId);
        const outcome = rules.length === 0 ? null : evaluateRules(rules, {
          skus: items.flatMap((item) => [item.tiktokSkuId, ...(item.sellerSku ? [item.sellerSku] : [])]),
          weightGrams: items.reduce((sum, item) => sum + (item.weightGrams ?? 0) * item.quantity, 0),
          destinationCountry: order.recipient?.country ?? null,
          destinationState: order.recipient?.state ?? null,
          orderValueCents: order.totalCents,
          priority: ctx.patch.priority ?? order.priority,
        });
        if (!outcome || outcome.matchedRuleIds.length === 0) {
          patches.push(undefined);
          continue;
        }
        ctx.details.automationRules = outcome.matchedRuleIds;
        patches.push({
          ...(outcome.serviceLevel ? { serviceLevel: outcome.serviceLevel } : {}),
          ...(outcome.hold ? { onHoldForReview: true, holdReason: outcome.hold.reason } : {}),
          ...(outcome.tags.length > 0 ? { tags: [...new Set([...order.tags, ...outcome.tags])] } : {}),
          ...(outcome.skipAutoLabel ? { skipAutoLabel: true } : {}),
        });
      }
      return patches;
    },
  },

  record_velocity: {
    locksSharedRows: true,
    run: (ctxs) => recordOrderVelocity(ctxs[0]!.tx, ctxs.map((ctx) => ({ accountId: ctx.order.accountId, productIds: productIds(ctx), at: orderMoment(ctx.order) }))),
  },

  reserve_stock: {
    // Before the status moves, with the orders locked: an order whose stock is short is refused
    // and left as it was (the engine then flags it backordered). The SKUs' stock rows stay locked
    // until COMMIT.
    locksSharedRows: true,
    async claim(ctxs) {
      const tx = ctxs[0]!.tx;
      const results = await reserveOrdersStock(tx, ctxs.map((ctx) => ({
        accountId: ctx.order.accountId, orderId: ctx.order.id, lines: stockLines(ctx), preferredWarehouseId: ctx.order.warehouseId, actorId: ctx.actorId,
      })));
      const vetoes: (TransitionVeto | null)[] = [];
      const dipped = new Map<string, Set<string>>();
      const shops = new Map<string, Set<string>>();
      results.forEach((result, index) => {
        const ctx = ctxs[index]!;
        if (!result.ok) {
          vetoes.push(new TransitionVeto('stock_short', `not enough stock of SKU ${result.shortSkuId}`, {
            shortSkuId: result.shortSkuId, requested: result.requested, available: result.available,
          }));
          return;
        }
        vetoes.push(null);
        shops.set(ctx.order.accountId, (shops.get(ctx.order.accountId) ?? new Set()).add(ctx.order.shopId));
        ctx.details.reserved = result.movements.map((m) => ({ skuId: m.skuId, warehouseId: m.warehouseId, quantity: m.reservedDelta }));
        // The reservation read each SKU's remaining stock back; only a new dip needs the full check.
        for (const m of result.movements) {
          if (!m.lowStockAlerted && m.availableAfter <= m.lowStockThreshold) dipped.set(ctx.order.accountId, (dipped.get(ctx.order.accountId) ?? new Set()).add(m.skuId));
        }
      });
      for (const [accountId, skuIds] of dipped) await checkLowStock(tx, { accountId, skuIds: [...skuIds] });
      // TikTok hears of the new available stock (debounced per shop, so mostly no statement at all);
      // a refused order changed nothing and asks for no push.
      for (const [accountId, shopIds] of shops) await enqueueStockPush(tx, { accountId, shopIds: [...shopIds] });
      return vetoes;
    },
  },

  raise_backorder_alert: {
    run: eachOrder(async (ctx) => {
      const skuId = String(ctx.details.shortSkuId ?? '');
      if (!skuId) return;
      const item = ctx.snapshot.items.find((candidate) => candidate.skuId === skuId);
      const label = item?.sellerSku ?? item?.tiktokSkuId ?? skuId;
      await raiseAlert(ctx.tx, {
        accountId: ctx.order.accountId, kind: 'backorder', severity: 'warning', title: `Backorder: ${label}`,
        body: `Orders are waiting for ${label}${item ? ` (${item.productName})` : ''}. They are retried, oldest first, when stock is added.`,
        entityType: 'sku', entityId: skuId, dedupeKey: backorderAlertKey(skuId),
      });
    }),
  },

  push_tracking: {
    async run(ctxs) {
      // By hand, only when asked and when there is a label whose tracking TikTok has not taken yet.
      const pushed = ctxs.filter((ctx) => ctx.def.event !== 'mark_shipped' || (ctx.syncToTiktok && ctx.snapshot.shipment?.trackingNumber && !ctx.order.trackingPushedAt));
      for (const ctx of pushed) ctx.details.trackingPush = true;
      await enqueueMany(
        'tiktok.push-tracking',
        pushed.map((ctx) => ({ data: { accountId: ctx.order.accountId, orderId: ctx.order.id }, priority: priorityOf(ctx) })),
        { tx: ctxs[0]!.tx },
      );
    },
  },

  ship_stock: {
    // Writes only ledger lines here, one statement per actor; the stock rows change inside COMMIT
    // (see shipOrdersStock).
    async run(ctxs) {
      for (const actorId of new Set(ctxs.map((ctx) => ctx.actorId))) {
        const own = ctxs.filter((ctx) => ctx.actorId === actorId);
        const shipped = await shipOrdersStock(own[0]!.tx, own.map((ctx) => ({ accountId: ctx.order.accountId, orderId: ctx.order.id })), { reason: 'order shipped', actorId });
        for (const ctx of own) ctx.details.shippedUnits = (shipped.get(ctx.order.id) ?? []).reduce((sum, line) => sum + line.units, 0);
      }
    },
  },

  send_shipped_email: {
    run: (ctxs) => sendBuyerEmails(ctxs, 'order-shipped'),
  },

  send_delivered_email: {
    run: (ctxs) => sendBuyerEmails(ctxs, 'order-delivered'),
  },

  release_stock: {
    locksSharedRows: true,
    run: eachOrder(async (ctx) => {
      const movements = await releaseOrderStock(ctx.tx, { accountId: ctx.order.accountId, orderId: ctx.order.id, reason: `order ${ctx.def.event}`, actorId: ctx.actorId });
      if (movements.length === 0) return;
      ctx.details.releasedUnits = movements.reduce((sum, m) => sum - m.reservedDelta, 0);
      await afterStockChange(ctx.tx, { accountId: ctx.order.accountId, skuIds: movements.map((m) => m.skuId), direction: 'up' });
    }),
  },

  void_label: {
    run: eachOrder(async (ctx) => {
      const shipment = ctx.snapshot.shipment;
      // A label that exists, or may exist (its purchase is in flight or unresolved), is voided;
      // the void job resolves an open attempt first.
      if (!shipment || !['purchased', 'purchasing', 'unknown_outcome', 'quoted', 'pending'].includes(shipment.status)) return;
      await enqueue('shipping.void-label', { accountId: ctx.order.accountId, shipmentId: shipment.id }, { tx: ctx.tx, priority: priorityOf(ctx) });
      ctx.details.voidLabel = shipment.id;
    }),
  },

  raise_pipeline_alert: {
    prepare: async (ctxs) => ctxs.map((ctx) => ({ lastError: ctx.reason.slice(0, 500) })),
    run: eachOrder(async (ctx) => {
      await raiseAlert(ctx.tx, {
        accountId: ctx.order.accountId, kind: 'pipeline_error', severity: 'warning', title: `Order ${ctx.order.tiktokOrderId} needs attention`,
        body: ctx.reason, entityType: 'order', entityId: ctx.order.id, dedupeKey: orderErrorAlertKey(ctx.order.id),
      });
    }),
  },

  schedule_advance: {
    prepare: async (ctxs) => ctxs.map((ctx) => (ctx.def.event === 'retry' ? { lastError: null } : undefined)),
    run: eachOrder(async (ctx) => {
      if (ctx.def.event === 'retry') await resolveAlert(ctx.tx, { accountId: ctx.order.accountId, dedupeKey: orderErrorAlertKey(ctx.order.id) });
      await enqueue('orders.advance-order', { accountId: ctx.order.accountId, orderId: ctx.order.id, reason: ctx.def.event }, { tx: ctx.tx, priority: priorityOf(ctx) });
    }),
  },
};
