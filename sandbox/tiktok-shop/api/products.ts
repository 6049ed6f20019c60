// Product endpoints: search (spec §8.1) and inventory update (spec §8.2) with per-SKU `data.errors`.
import { z } from 'zod';

import { ApiFailure } from '../http-utils';
import { refreshStockStatus } from '../inventory';
import type { SimProduct } from '../types';
import { pageParams, paginate, parseBody, unixSeconds } from './params';
import type { ApiContext } from './routes';

const PRODUCT_STATUSES = [
  'ALL',
  'DRAFT',
  'PENDING',
  'FAILED',
  'ACTIVATE',
  'SELLER_DEACTIVATED',
  'PLATFORM_DEACTIVATED',
  'FREEZE',
  'DELETED',
] as const;

export function renderProduct(product: SimProduct) {
  return {
    id: product.id,
    title: product.title,
    status: product.status,
    create_time: product.createTime,
    update_time: product.updateTime,
    sales_regions: ['US'],
    skus: product.skus.map((sku) => ({
      id: sku.id,
      seller_sku: sku.sellerSku,
      price: {
        currency: 'USD',
        sale_price: (sku.priceCents / 100).toFixed(2),
        tax_exclusive_price: (sku.priceCents / 100).toFixed(2),
      },
      inventory: [...sku.inventory].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })),
    })),
  };
}

const searchBody = z.object({
  status: z.enum(PRODUCT_STATUSES).optional(),
  seller_skus: z.array(z.string()).max(10).optional(),
  create_time_ge: unixSeconds.optional(),
  create_time_le: unixSeconds.optional(),
  update_time_ge: unixSeconds.optional(),
  update_time_le: unixSeconds.optional(),
});

export function searchProducts({ sim, shop, query, body }: ApiContext) {
  const filter = parseBody(searchBody, body);
  const paging = pageParams(query);
  const found = [...sim.state.products.values()].filter((product) => {
    if (product.shopId !== shop!.id) return false;
    if (filter.status && filter.status !== 'ALL' && product.status !== filter.status) return false;
    if (filter.seller_skus && !product.skus.some((sku) => filter.seller_skus!.includes(sku.sellerSku)))
      return false;
    if (filter.create_time_ge !== undefined && product.createTime < filter.create_time_ge) return false;
    if (filter.create_time_le !== undefined && product.createTime > filter.create_time_le) return false;
    if (filter.update_time_ge !== undefined && product.updateTime < filter.update_time_ge) return false;
    if (filter.update_time_le !== undefined && product.updateTime > filter.update_time_le) return false;
    return true;
  });
  const { page, nextPageToken, totalCount } = paginate(found, paging);
  return { products: page.map(renderProduct), next_page_token: nextPageToken, total_count: totalCount };
}

const inventoryBody = z.object({
  skus: z
    .array(
      z.object({
        id: z.string().min(1),
        inventory: z
          .array(z.object({ warehouse_id: z.string().optional(), quantity: z.number().int() }))
          .min(1),
      }),
    )
    .min(1)
    .max(100),
});

type ExtraError = { warehouse_id?: string; code: number; message: string };

export function updateInventory({ sim, shop, params, body }: ApiContext) {
  const product = sim.state.products.get(params[0]!);
  if (!product || product.shopId !== shop!.id) throw new ApiFailure(12052031, 'The product does not exist');
  if (product.status !== 'ACTIVATE')
    throw new ApiFailure(12052901, `Product status ${product.status} does not allow inventory updates`);
  const request = parseBody(inventoryBody, body);
  const errors: { code: number; message: string; detail: { sku_id: string; extra_errors: ExtraError[] } }[] =
    [];

  for (const entry of request.skus) {
    const sku = product.skus.find((candidate) => candidate.id === entry.id);
    const extra: ExtraError[] = [];
    const assigned = sku ? [...sku.inventory.keys()] : [];
    if (!sku)
      extra.push({ code: 12052556, message: `SKU ${entry.id} does not exist in product ${product.id}` });
    const resolved = entry.inventory.map((line) => ({
      ...line,
      warehouse_id: line.warehouse_id ?? (assigned.length === 1 ? assigned[0] : undefined),
    }));
    for (const line of sku ? resolved : []) {
      if (!line.warehouse_id)
        extra.push({
          code: 12019028,
          message: 'warehouse_id is required when the SKU has several warehouses',
        });
      else if (
        !shop!.warehouses.some((w) => w.id === line.warehouse_id) ||
        !assigned.includes(line.warehouse_id)
      )
        extra.push({
          warehouse_id: line.warehouse_id,
          code: 12052097,
          message: 'The warehouse does not exist for this SKU',
        });
      if (line.quantity < 0 || line.quantity > 99_999)
        extra.push({
          warehouse_id: line.warehouse_id,
          code: 12019024,
          message: 'quantity must be within 0-99999',
        });
    }
    const listed = new Set(resolved.map((line) => line.warehouse_id));
    if (sku && assigned.some((id) => !listed.has(id))) {
      extra.push({ code: 12019028, message: 'All warehouses assigned to the SKU must be included' });
    }
    if (extra.length > 0) {
      errors.push({
        code: 12052990,
        message: 'check failed',
        detail: { sku_id: entry.id, extra_errors: extra },
      });
      continue;
    }
    for (const line of resolved) sku!.inventory.set(line.warehouse_id!, line.quantity);
    refreshStockStatus(sim, product, sku!);
  }
  sim.state.inventoryUpdates.push({
    at: sim.clock.nowSeconds(),
    shopId: shop!.id,
    productId: product.id,
    skus: request.skus,
    rejectedSkus: errors.length,
  });
  return errors.length > 0 ? { errors } : {};
}
