// GET /api/orders/{id} — one order with items, workflow, status history, shipping and tracking.
// Another account's order is 404, exactly like one that does not exist.
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { getOrderOrThrow } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const context = await requireApiContext('orders:read');
  const { id } = await params;
  const order = await getOrderOrThrow(context, id);
  return NextResponse.json({ order }, { headers: { 'cache-control': 'no-store' } });
});
