// POST /api/webhooks/shippo — Shippo tracking and transaction events: URL token (+ HMAC when
// configured) over the raw body, deduped and stored with their processing job in one transaction.
import { NextResponse } from 'next/server';
import { handle } from '@/lib/errors/http';
import { getShippingConfig, receiveShippoWebhook } from '@/lib/shipping';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const { status, body } = await receiveShippoWebhook(request, getShippingConfig().shippo);
  return NextResponse.json(body, { status });
});
