import { z } from 'zod';

// The parts of EasyPost objects the adapter relies on. `@easypost/api` does not validate
// responses, so we do: a malformed purchase answer becomes `unknown`, not a crash.

export const easyPostRateSchema = z.looseObject({
  id: z.string(),
  shipment_id: z.string(),
  carrier: z.string(),
  service: z.string(),
  rate: z.string(),
  currency: z.string(),
  delivery_days: z.number().int().nullish(),
  est_delivery_days: z.number().int().nullish(),
  created_at: z.string(),
});

const trackingDetailSchema = z.looseObject({
  status: z.string(),
  status_detail: z.string().nullish(),
  message: z.string().nullish(),
  datetime: z.string(),
  tracking_location: z
    .looseObject({
      city: z.string().nullish(),
      state: z.string().nullish(),
      zip: z.string().nullish(),
      country: z.string().nullish(),
    })
    .nullish(),
});

export const easyPostTrackerSchema = z.looseObject({
  id: z.string(),
  tracking_code: z.string(),
  status: z.string(),
  status_detail: z.string().nullish(),
  carrier: z.string().nullish(),
  public_url: z.string().nullish(),
  est_delivery_date: z.string().nullish(),
  updated_at: z.string().nullish(),
  tracking_details: z.array(trackingDetailSchema).default([]),
});

export const easyPostShipmentSchema = z.looseObject({
  id: z.string(),
  reference: z.string().nullish(),
  rates: z.array(easyPostRateSchema).default([]),
  messages: z.array(z.looseObject({ message: z.string().nullish() })).default([]),
  tracking_code: z.string().nullish(),
  refund_status: z.string().nullish(),
  selected_rate: easyPostRateSchema.nullish(),
  postage_label: z.looseObject({ label_url: z.string() }).nullish(),
  tracker: easyPostTrackerSchema.nullish(),
});

export type EasyPostShipment = z.output<typeof easyPostShipmentSchema>;
export type EasyPostTracker = z.output<typeof easyPostTrackerSchema>;
