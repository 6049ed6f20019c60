// Generates paid orders, as buyers do: one SKU (fixed for a "viral video" burst, or random from the shop's
// active catalog), one line item per unit, one package per order, a US address, and TikTok's deadlines.
import { ControlFailure } from '../http-utils';
import { ID_PREFIX } from '../ids';
import { adjustStock } from '../inventory';
import { DEMO_SHOP_ID } from '../seed';
import type { Sim } from '../sim';
import type { SimBuyer, SimOrder, SimProduct, SimSku } from '../types';
import { BUYER_MESSAGES, pickBuyer } from './buyers';
import { changeStatus, releaseHold } from './order-lifecycle';

export interface CreateOrdersInput {
  count: number;
  shopId?: string;
  skuId?: string;
  /** Units per order (each becomes a line item). Default: 1, sometimes 2. */
  quantity?: number;
  buyer?: Partial<Omit<SimBuyer, 'userId'>>;
  buyerMessage?: string;
}

const HOUR = 3600;
const FREE_SHIPPING_FROM_CENTS = 3500;
const SHIPPING_FEE_CENTS = 499;

function chooseSkus(
  sim: Sim,
  shopId: string,
  skuId: string | undefined,
): { product: SimProduct; sku: SimSku }[] {
  const choices: { product: SimProduct; sku: SimSku }[] = [];
  for (const product of sim.state.products.values()) {
    if (product.shopId !== shopId) continue;
    for (const sku of product.skus) {
      if (skuId ? sku.id === skuId : product.status === 'ACTIVATE') choices.push({ product, sku });
    }
  }
  if (skuId && choices.length === 0)
    throw new ControlFailure(404, `sku ${skuId} not found in shop ${shopId}`);
  if (skuId && choices[0]!.product.status !== 'ACTIVATE') {
    throw new ControlFailure(
      409,
      `product ${choices[0]!.product.id} is ${choices[0]!.product.status}, buyers cannot order it`,
    );
  }
  if (choices.length === 0) throw new ControlFailure(409, `shop ${shopId} has no active product`);
  return choices;
}

export function createOrders(sim: Sim, input: CreateOrdersInput): string[] {
  const shopId = input.shopId ?? DEMO_SHOP_ID;
  const shop = sim.state.shops.get(shopId);
  if (!shop) throw new ControlFailure(404, `shop ${shopId} not found`);
  const choices = chooseSkus(sim, shopId, input.skuId);
  const now = sim.clock.nowSeconds();
  const ids: string[] = [];

  for (let n = 0; n < input.count; n += 1) {
    const { product, sku } = choices[Math.floor(sim.random() * choices.length)]!;
    const units = input.quantity ?? (sim.random() < 0.15 ? 2 : 1);
    const orderId = sim.nextId(ID_PREFIX.order);
    const lineItems = Array.from({ length: units }, () => ({
      id: sim.nextId(ID_PREFIX.lineItem),
      productId: product.id,
      skuId: sku.id,
      productName: product.title,
      skuName: sku.name,
      sellerSku: sku.sellerSku,
      salePriceCents: sku.priceCents,
      originalPriceCents: sku.originalPriceCents,
    }));
    const subtotal = lineItems.reduce((sum, item) => sum + item.salePriceCents, 0);
    const order: SimOrder = {
      id: orderId,
      shopId,
      status: 'UNPAID',
      createTime: now,
      updateTime: now,
      paidTime: now,
      buyer: pickBuyer(sim.random, input.buyer),
      buyerMessage: input.buyerMessage ?? BUYER_MESSAGES[Math.floor(sim.random() * BUYER_MESSAGES.length)]!,
      lineItems,
      packageId: sim.nextId(ID_PREFIX.package),
      warehouseId: shop.warehouses[0]!.id,
      deliveryOptionId: shop.deliveryOptions[0]!.id,
      shippingFeeCents: subtotal >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_FEE_CENTS,
    };
    sim.state.orders.set(orderId, order);
    sim.state.packages.set(order.packageId, orderId);
    ids.push(orderId);

    changeStatus(sim, order, 'UNPAID');
    adjustStock(sim, product, sku, -units);
    changeStatus(sim, order, 'ON_HOLD'); // paid at once; the hold is TikTok's fraud/cancel window
  }

  if (sim.options.onHoldMs <= 0) {
    releaseHold(sim, ids);
  } else {
    const timer = setTimeout(() => {
      sim.timers.delete(timer);
      releaseHold(sim, ids);
    }, sim.options.onHoldMs);
    sim.timers.add(timer);
  }
  return ids;
}

/** Deadlines TikTok puts on a paid order (seller-shipped, US); see README.md. */
export function orderDeadlines(order: SimOrder) {
  return {
    cancel_order_sla_time: order.createTime + HOUR,
    rts_sla_time: order.paidTime + 48 * HOUR,
    tts_sla_time: order.paidTime + 72 * HOUR,
    shipping_due_time: order.paidTime + 72 * HOUR,
    collection_due_time: order.paidTime + 96 * HOUR,
    delivery_due_time: order.paidTime + 240 * HOUR,
  };
}
