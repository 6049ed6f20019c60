// POST /api/inventory/adjust — {sku_id, warehouse_id, delta, reason}: a counted stock change, in the
// ledger; members with inventory:adjust only. Backordered orders for the SKU are retried when it goes up.
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';
import { adjustStock, adjustStockSchema } from '@/lib/inventory';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const context = await requireApiContext('inventory:adjust');
  const level = await adjustStock(context, await readJson(request, adjustStockSchema));
  return NextResponse.json({
    level: { sku_id: level.skuId, warehouse_id: level.warehouseId, on_hand: level.onHand, reserved: level.reserved, available: level.available },
  });
});
