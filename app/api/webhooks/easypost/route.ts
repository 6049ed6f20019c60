// POST /api/webhooks/easypost — EasyPost tracker events: X-Hmac-Signature (NFKD-normalised secret)
// over the raw body, deduped on the Event id and stored with their processing job in one transaction.
import { NextResponse } from 'next/server';
import { handle } from '@/lib/errors/http';
import { getShippingConfig, receiveEasyPostWebhook } from '@/lib/shipping';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const { status, body } = await receiveEasyPostWebhook(request, getShippingConfig().easypost);
  return NextResponse.json(body, { status });
});
