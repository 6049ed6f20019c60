import { z } from 'zod';

// Request bodies of the EasyPost subset. EasyPost wraps every object in a root key.

const address = z.object({
  name: z.string().optional(),
  company: z.string().optional(),
  street1: z.string().min(1),
  street2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.coerce.string().optional(),
  country: z.string().length(2).toUpperCase().default('US'),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type EasyPostAddressInput = z.output<typeof address>;

// EasyPost parcels are numbers: inches and ounces.
const parcel = z.object({
  length: z.coerce.number().positive().optional(),
  width: z.coerce.number().positive().optional(),
  height: z.coerce.number().positive().optional(),
  weight: z.coerce.number().positive(),
});
export type EasyPostParcelInput = z.output<typeof parcel>;

export const shipmentCreateSchema = z.object({
  shipment: z.object({
    from_address: address,
    to_address: address,
    return_address: address.optional(),
    parcel,
    reference: z.string().max(100).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    carrier_accounts: z.array(z.unknown()).optional(),
  }),
});

export const buySchema = z.object({ rate: z.object({ id: z.string().min(1) }) });

export const trackerCreateSchema = z.object({
  tracker: z.object({ tracking_code: z.string().min(1), carrier: z.string().optional() }),
});

export const webhookCreateSchema = z.object({
  webhook: z.object({ url: z.url(), webhook_secret: z.string().optional() }),
});
