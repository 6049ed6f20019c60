import { AppError } from '@/lib/errors';

/**
 * The Stripe-Signature header does not prove the body came from Stripe with our endpoint secret
 * (missing, malformed, wrong secret, tampered body, or timestamp outside the tolerance). The
 * webhook route answers 400 without touching the body; Stripe keeps retrying, which is right if
 * the secret is being rotated.
 */
export class StripeSignatureError extends AppError {
  constructor(reason: string) {
    super('VALIDATION', 'Invalid Stripe signature', { reason });
    this.name = 'StripeSignatureError';
  }
}

/** The signature is valid but the body is not a Stripe event we can read. */
export class StripeEventPayloadError extends AppError {
  constructor(reason: string) {
    super('VALIDATION', 'Malformed Stripe event', { reason });
    this.name = 'StripeEventPayloadError';
  }
}

/** A paid action was asked for a plan that this deployment cannot sell (no price configured). */
export class PlanNotPurchasableError extends AppError {
  constructor(planId: string) {
    super('VALIDATION', `Plan "${planId}" cannot be purchased: no Stripe price is configured for it`, {
      planId,
    });
    this.name = 'PlanNotPurchasableError';
  }
}
