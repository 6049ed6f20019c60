// POST /api/billing/checkout — starts a Stripe Checkout for a paid plan and returns its URL (owners).
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { getBillingConfig, startCheckout, ZStartCheckoutInput } from '@/lib/billing';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';

export const POST = handle(async (request: Request) => {
  const context = await requireApiContext('billing:manage');
  const input = await readJson(request, ZStartCheckoutInput);
  const session = await startCheckout(context, input, getBillingConfig());
  return NextResponse.json({ url: session.url });
});
