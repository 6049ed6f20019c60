// POST /api/orders/bulk/status — the same manual change for up to 500 orders, each on its own;
// answers {success, processed, failed, batch_id, errors[]} (seed 004's contract).
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';
import { bulkChangeOrderStatus, bulkChangeOrderStatusSchema } from '@/lib/orders';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const context = await requireApiContext('orders:update');
  const input = await readJson(request, bulkChangeOrderStatusSchema, 128 * 1024);
  return NextResponse.json(await bulkChangeOrderStatus(context, input));
});
