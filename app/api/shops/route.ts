// GET /api/shops — the account's TikTok shops with status, last sync, webhook health and circuit state.
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { listShops } from '@/lib/tiktok/server';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const context = await requireApiContext('orders:read');
  return NextResponse.json({ shops: await listShops(context) }, { headers: { 'cache-control': 'no-store' } });
});
