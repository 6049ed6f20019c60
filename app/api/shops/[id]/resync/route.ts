// POST /api/shops/{id}/resync — queues a full resync of a connected shop: catalog, then every order (202).
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { requestShopResync } from '@/lib/tiktok/server';

export const dynamic = 'force-dynamic';

export const POST = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const context = await requireApiContext('shops:manage');
  const shop = await requestShopResync(context, (await params).id);
  return NextResponse.json({ shop, queued: true }, { status: 202 });
});
