// Control endpoints that act as the seller in Seller Center: create and edit products (webhooks 16, 15, 5).
import { z } from 'zod';

import { ControlFailure } from '../http-utils';
import { ID_PREFIX } from '../ids';
import { refreshStockStatus } from '../inventory';
import { DEMO_SHOP_ID, stockStatusOf } from '../seed';
import type { Sim } from '../sim';
import type { ProductStatus, SimProduct } from '../types';
import { TYPE, emitWebhook } from '../webhooks/emit';
import { renderProduct } from '../api/products';

const price = z.number().positive().max(100_000);
const PRODUCT_STATUSES = [
  'DRAFT',
  'PENDING',
  'FAILED',
  'ACTIVATE',
  'SELLER_DEACTIVATED',
  'PLATFORM_DEACTIVATED',
  'FREEZE',
  'DELETED',
] as const;

export const createProductSchema = z.strictObject({
  shop_id: z.string().optional(),
  title: z.string().min(1).max(255),
  skus: z
    .array(
      z.strictObject({
        seller_sku: z.string().min(1),
        name: z.string().optional(),
        price,
        quantity: z.number().int().min(0).max(99_999),
      }),
    )
    .min(1)
    .max(100),
});

export function postProduct(sim: Sim, body: z.infer<typeof createProductSchema>) {
  const shop = sim.state.shops.get(body.shop_id ?? DEMO_SHOP_ID);
  if (!shop) throw new ControlFailure(404, `shop ${body.shop_id} not found`);
  const now = sim.clock.nowSeconds();
  const product: SimProduct = {
    id: sim.nextId(ID_PREFIX.product),
    shopId: shop.id,
    title: body.title,
    status: 'ACTIVATE',
    createTime: now,
    updateTime: now,
    skus: body.skus.map((sku) => ({
      id: sim.nextId(ID_PREFIX.sku),
      sellerSku: sku.seller_sku,
      name: sku.name ?? sku.seller_sku,
      priceCents: Math.round(sku.price * 100),
      originalPriceCents: Math.round(sku.price * 100),
      inventory: new Map([[shop.warehouses[0]!.id, sku.quantity]]),
      stockStatus: stockStatusOf(sku.quantity, sim.options.lowStockThreshold),
    })),
  };
  sim.state.products.set(product.id, product);
  emitWebhook(sim, shop.id, TYPE.PRODUCT_CREATION, {
    product_id: product.id,
    product_type: ['GPR_PRODUCT'],
    update_time: now,
  });
  return { product: renderProduct(product) };
}

export const updateProductSchema = z.strictObject({
  title: z.string().min(1).max(255).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  skus: z
    .array(
      z.strictObject({
        id: z.string(),
        price: price.optional(),
        quantity: z.number().int().min(0).max(99_999).optional(),
      }),
    )
    .optional(),
});

/** Field edits emit type 15 (with changed_fields); a status change emits type 5; stock changes may emit 27. */
export function postProductUpdate(sim: Sim, id: string, body: z.infer<typeof updateProductSchema>) {
  const product = sim.state.products.get(id);
  if (!product) throw new ControlFailure(404, `product ${id} not found`);
  const now = sim.clock.nowSeconds();
  const changed = new Set<string>();
  if (body.title !== undefined && body.title !== product.title) {
    product.title = body.title;
    changed.add('title');
  }
  for (const update of body.skus ?? []) {
    const sku = product.skus.find((candidate) => candidate.id === update.id);
    if (!sku) throw new ControlFailure(404, `sku ${update.id} not found in product ${id}`);
    if (update.price !== undefined) {
      sku.priceCents = Math.round(update.price * 100);
      changed.add('price');
    }
    if (update.quantity !== undefined) {
      sku.inventory.set([...sku.inventory.keys()][0]!, update.quantity);
      refreshStockStatus(sim, product, sku);
    }
  }
  product.updateTime = now;
  if (changed.size > 0) {
    emitWebhook(sim, product.shopId, TYPE.PRODUCT_INFORMATION_CHANGE, {
      product_id: product.id,
      changed_fields: [...changed],
      update_time: now,
    });
  }
  if (body.status !== undefined && body.status !== product.status) {
    product.status = body.status as ProductStatus;
    emitWebhook(sim, product.shopId, TYPE.PRODUCT_STATUS_CHANGE, {
      product_id: product.id,
      status: 'PRODUCT_STATUS_CHANGED',
      suspended_reason: '',
      update_time: now,
    });
  }
  return { product: renderProduct(product) };
}
