import { z } from 'zod';
import { CarrierRequestError } from './errors';
import type { CarrierName } from './types';

// Inputs the adapters accept. Validated on entry so bad input fails with a clear message
// before any provider call.

export const addressSchema = z.object({
  name: z.string().trim().min(1, 'name is required (carriers reject labels without one)'),
  company: z.string().optional(),
  street1: z.string().trim().min(1),
  street2: z.string().optional(),
  city: z.string().trim().min(1),
  state: z.string().trim().min(1),
  zip: z.string().trim().min(1),
  country: z.string().length(2, 'country must be an ISO 3166-1 alpha-2 code').toUpperCase(),
  phone: z.string().optional(),
  email: z.string().optional(),
  isResidential: z.boolean().optional(),
});

export const parcelSchema = z.object({
  length: z.number().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  distanceUnit: z.enum(['in', 'cm']),
  weight: z.number().positive(),
  massUnit: z.enum(['oz', 'lb', 'g', 'kg']),
});

/** Shippo metadata holds at most 100 characters. */
export const referenceSchema = z.string().trim().min(1).max(100);

export const rateRequestSchema = z.object({
  from: addressSchema,
  to: addressSchema,
  parcel: parcelSchema,
  reference: referenceSchema,
});

export const rateQuoteSchema = z.object({
  carrier: z.enum(['shippo', 'easypost']),
  rateId: z.string().min(1),
  shipmentId: z.string().min(1),
  provider: z.string(),
  serviceLevel: z.object({ token: z.string(), name: z.string() }),
  amountCents: z.number().int(),
  currency: z.string(),
  estimatedDays: z.number().int().nullable(),
  // Stored quotes come back from JSON columns with quotedAt as an ISO string.
  quotedAt: z.coerce.date(),
});

export const purchaseRequestSchema = z.object({ rate: rateQuoteSchema, reference: referenceSchema });
export const refundRequestSchema = z.object({ transactionId: z.string().min(1) });
export const trackRequestSchema = z.object({
  trackingNumber: z.string().trim().min(1),
  provider: z.string().trim().min(1),
});

/** Parses adapter input or throws a non-retryable CarrierRequestError naming the bad fields. */
export function parseInput<S extends z.ZodType>(
  carrier: CarrierName,
  operation: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CarrierRequestError(carrier, operation, 'invalid_input', z.prettifyError(result.error), {
      retryable: false,
    });
  }
  return result.data;
}
