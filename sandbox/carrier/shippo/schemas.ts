import { z } from 'zod';

// Request bodies the Shippo face accepts. Form bodies arrive as strings, so booleans accept
// "true"/"false" too. Unknown fields are ignored, as the real API does.

export const boolish = z.union([
  z.boolean(),
  z
    .enum(['true', 'false', 'True', 'False', '1', '0'])
    .transform((v) => v === 'true' || v === 'True' || v === '1'),
]);

const metadata = z.string().max(100, 'Ensure this field has no more than 100 characters.');
const text = z.string().max(200);

export const addressInputSchema = z.object({
  name: text.optional(),
  company: text.optional(),
  street1: text.optional(),
  street2: text.optional(),
  street3: text.optional(),
  street_no: text.optional(),
  city: text.optional(),
  state: text.optional(),
  zip: text.optional(),
  country: z.string().length(2, 'Enter a valid ISO 3166-1 alpha-2 country code.').toUpperCase(),
  phone: text.optional(),
  email: text.optional(),
  is_residential: boolish.optional(),
  metadata: metadata.optional(),
  validate: boolish.optional(),
});
export type AddressInput = z.output<typeof addressInputSchema>;

// Shippo's "critical rule": dimensions and weight are strings ("10", not 10).
const decimalString = z
  .string({ error: 'A valid string is required.' })
  .regex(/^\d+(\.\d+)?$/, 'A valid number is required.');

export const DISTANCE_UNITS = ['cm', 'in', 'ft', 'm', 'mm', 'yd'] as const;
export const MASS_UNITS = ['g', 'kg', 'lb', 'oz'] as const;

export const parcelInputSchema = z.object({
  length: decimalString,
  width: decimalString,
  height: decimalString,
  distance_unit: z.enum(DISTANCE_UNITS),
  weight: decimalString,
  mass_unit: z.enum(MASS_UNITS),
  metadata: metadata.optional(),
  template: z.never({ error: 'Parcel templates are not supported by the sandbox carrier.' }).optional(),
});
export type ParcelInput = z.output<typeof parcelInputSchema>;

export const shipmentCreateSchema = z.object({
  address_from: z.union([z.string(), addressInputSchema]),
  address_to: z.union([z.string(), addressInputSchema]),
  address_return: z.union([z.string(), addressInputSchema]).optional(),
  parcels: z.array(z.union([z.string(), parcelInputSchema])).min(1, 'At least one parcel is required.'),
  async: boolish.optional(),
  metadata: metadata.optional(),
  carrier_accounts: z.array(z.string()).optional(),
  shipment_date: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

export const LABEL_FILE_TYPES = [
  'PNG',
  'PNG_2.3x7.5',
  'PDF',
  'PDF_2.3x7.5',
  'PDF_4x6',
  'PDF_4x8',
  'PDF_A4',
  'PDF_A5',
  'PDF_A6',
  'ZPLII',
] as const;

export const transactionCreateSchema = z.object({
  rate: z.string().min(1),
  // The API (and the SDK) default to async.
  async: boolish.default(true),
  metadata: metadata.optional(),
  label_file_type: z.enum(LABEL_FILE_TYPES).default('PDF_4x6'),
  order: z.string().optional(),
});

export const refundCreateSchema = z.object({ transaction: z.string().min(1), async: boolish.optional() });

export const trackCreateSchema = z.object({
  carrier: z.string().min(1),
  tracking_number: z.string().min(1),
  metadata: metadata.optional(),
});

export const WEBHOOK_EVENTS = [
  'transaction_created',
  'transaction_updated',
  'track_updated',
  'batch_created',
  'batch_purchased',
  'all',
] as const;

export const webhookInputSchema = z.object({
  event: z.enum(WEBHOOK_EVENTS),
  url: z.url().max(200, 'Ensure this field has no more than 200 characters.'),
  active: boolish.optional(),
  is_test: boolish.optional(),
});
