// The 202309 order object (spec §6.4), reduced to the fields a fulfillment app reads.
// TikTok returns one line item per unit (no `quantity`): group line items by `sku_id` to count units.
import { z } from 'zod';

import { ORDER_STATUSES } from './constants';

const id = z.string().min(1);
const money = z.string();
const unixSeconds = z.number().int();

/** The webhook doc spells the cancelled state `CANCEL`; fold it into the order-API value. */
export const orderStatusSchema = z.preprocess(
  (value) => (value === 'CANCEL' ? 'CANCELLED' : value),
  z.enum(ORDER_STATUSES),
);

const districtInfoSchema = z.object({
  address_level: z.string(),
  address_level_name: z.string().optional(),
  address_name: z.string(),
});

/** Absent while the order is UNPAID or ON_HOLD. */
const recipientAddressSchema = z.object({
  name: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone_number: z.string().optional(),
  full_address: z.string().optional(),
  address_detail: z.string().optional(),
  address_line1: z.string().optional(),
  address_line2: z.string().optional(),
  address_line3: z.string().optional(),
  address_line4: z.string().optional(),
  postal_code: z.string().optional(),
  region_code: z.string().optional(),
  post_town: z.string().optional(),
  district_info: z.array(districtInfoSchema).default([]),
  delivery_preferences: z.object({ drop_off_location: z.string().optional() }).optional(),
});

const paymentSchema = z.object({
  currency: z.string(),
  sub_total: money.optional(),
  shipping_fee: money.optional(),
  seller_discount: money.optional(),
  platform_discount: money.optional(),
  total_amount: money,
  original_total_product_price: money.optional(),
  original_shipping_fee: money.optional(),
  shipping_fee_seller_discount: money.optional(),
  shipping_fee_platform_discount: money.optional(),
  tax: money.optional(),
  product_tax: money.optional(),
  shipping_fee_tax: money.optional(),
  retail_delivery_fee: money.optional(),
});

const lineItemSchema = z.object({
  id,
  sku_id: id,
  product_id: id,
  product_name: z.string(),
  sku_name: z.string().optional(),
  seller_sku: z.string().optional(),
  sku_image: z.string().optional(),
  sale_price: money,
  original_price: money.optional(),
  seller_discount: money.optional(),
  platform_discount: money.optional(),
  currency: z.string().optional(),
  display_status: z.string().optional(),
  package_id: z.string().optional(),
  package_status: z.string().optional(),
  tracking_number: z.string().optional(),
  shipping_provider_id: z.string().optional(),
  shipping_provider_name: z.string().optional(),
  rts_time: unixSeconds.optional(),
  cancel_reason: z.string().optional(),
  cancel_user: z.string().optional(),
  is_gift: z.boolean().optional(),
});
export type TikTokOrderLineItem = z.infer<typeof lineItemSchema>;

export const orderSchema = z.object({
  id,
  status: orderStatusSchema,
  create_time: unixSeconds,
  update_time: unixSeconds,
  paid_time: unixSeconds.optional(),
  user_id: z.string().optional(),
  buyer_email: z.string().optional(),
  buyer_message: z.string().optional(),
  seller_note: z.string().optional(),
  payment: paymentSchema,
  recipient_address: recipientAddressSchema.optional(),
  line_items: z.array(lineItemSchema).min(1),
  packages: z.array(z.object({ id })).default([]),
  tracking_number: z.string().optional(),
  shipping_provider: z.string().optional(),
  shipping_provider_id: z.string().optional(),
  shipping_type: z.string().optional(),
  fulfillment_type: z.string().optional(),
  delivery_option_id: z.string().optional(),
  delivery_option_name: z.string().optional(),
  delivery_type: z.string().optional(),
  warehouse_id: z.string().optional(),
  is_cod: z.boolean().optional(),
  is_on_hold_order: z.boolean().optional(),
  is_sample_order: z.boolean().optional(),
  is_buyer_request_cancel: z.boolean().optional(),
  order_type: z.string().optional(),
  cancel_reason: z.string().optional(),
  cancel_time: unixSeconds.optional(),
  cancellation_initiator: z.string().optional(),
  cancel_order_sla_time: unixSeconds.optional(),
  rts_sla_time: unixSeconds.optional(),
  tts_sla_time: unixSeconds.optional(),
  rts_time: unixSeconds.optional(),
  shipping_due_time: unixSeconds.optional(),
  collection_due_time: unixSeconds.optional(),
  delivery_due_time: unixSeconds.optional(),
  collection_time: unixSeconds.optional(),
  delivery_time: unixSeconds.optional(),
});
export type TikTokOrder = z.infer<typeof orderSchema>;

export const orderSearchDataSchema = z.object({
  orders: z.array(orderSchema).default([]),
  next_page_token: z.string().optional(),
  total_count: z.number().int().optional(),
});
export const orderDetailDataSchema = z.object({ orders: z.array(orderSchema).default([]) });
