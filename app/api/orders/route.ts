// GET /api/orders — the current account's orders: filters, search, sort, pagination and a summary.
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { listOrders, listOrdersQuerySchema, searchParamsToRaw } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const context = await requireApiContext('orders:read');
  // A ZodError here becomes 400 with the offending parameters listed (lib/errors/http.ts).
  const query = listOrdersQuerySchema.parse(searchParamsToRaw(new URL(request.url).searchParams));
  return NextResponse.json(await listOrders(context, query), { headers: { 'cache-control': 'no-store' } });
});
