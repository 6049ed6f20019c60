// POST /api/billing/portal — opens the Stripe Customer Portal for the account and returns its URL (owners).
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { getBillingConfig, openBillingPortal } from '@/lib/billing';
import { handle } from '@/lib/errors/http';

export const POST = handle(async () => {
  const context = await requireApiContext('billing:manage');
  const session = await openBillingPortal(context, getBillingConfig());
  return NextResponse.json({ url: session.url });
});
