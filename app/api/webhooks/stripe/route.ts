// POST /api/webhooks/stripe — verifies a Stripe event, stores it once and enqueues the subscription sync.
import { NextResponse } from 'next/server';
import { getBillingConfig, readRawBody, receiveStripeWebhook } from '@/lib/billing';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';

// Raw body (max 1 MiB) → signature over those exact bytes (400 if it does not verify, nothing
// stored) → irrelevant types 200 → event stored + billing.sync-subscription enqueued in one
// transaction, deduplicated on event.id → 200. The job re-reads the subscription from Stripe.
export const POST = handle(async (request: Request) => {
  const config = getBillingConfig();
  if (!config.enabled || !config.webhookSecret) {
    throw new AppError('UNAVAILABLE', 'Stripe webhooks are not configured on this deployment');
  }
  const rawBody = await readRawBody(request);
  const result = await receiveStripeWebhook({
    rawBody,
    signatureHeader: request.headers.get('stripe-signature'),
    webhookSecret: config.webhookSecret,
  });
  return NextResponse.json({ received: true, outcome: result.outcome, eventId: result.eventId });
});
