// POST /api/shops/{id}/disconnect — disconnects one of the account's TikTok shops (owner/admin).
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { disconnectShop } from '@/lib/tiktok/server';

export const dynamic = 'force-dynamic';

export const POST = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const context = await requireApiContext('shops:manage');
  const shop = await disconnectShop(context, (await params).id);
  return NextResponse.json({ shop: { ...shop, status: 'disconnected' } });
});
