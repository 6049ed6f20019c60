// Webhook envelope and per-topic `data` schemas (spec §9.3-9.4). Parse only after the signature check.
import { z } from 'zod';

import { WEBHOOK_TYPE, type TikTokWebhookTopic } from './constants';
import { orderStatusSchema } from './order-schema';

/** IDs arrive as strings, but some official samples send bare numbers; normalise to string. */
const flexibleId = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const unixSeconds = z.number().int();

export const webhookEnvelopeSchema = z.object({
  type: z.number().int(),
  tts_notification_id: flexibleId.optional(),
  shop_id: flexibleId,
  timestamp: unixSeconds,
  data: z.record(z.string(), z.unknown()).default({}),
});

export const webhookDataSchemas = {
  ORDER_STATUS_CHANGE: z.object({
    order_id: flexibleId,
    order_status: orderStatusSchema,
    is_on_hold_order: z.boolean().optional(),
    update_time: unixSeconds,
  }),
  RECIPIENT_ADDRESS_UPDATE: z.object({ order_id: flexibleId, update_time: unixSeconds }),
  PACKAGE_UPDATE: z.object({
    sc_type: z.string(),
    role_type: z.string().optional(),
    package_list: z.array(
      z.object({ package_id: flexibleId, order_id_list: z.array(flexibleId).default([]) }),
    ),
    update_time: unixSeconds,
  }),
  PRODUCT_STATUS_CHANGE: z.object({
    product_id: flexibleId,
    status: z.string(),
    suspended_reason: z.string().optional(),
    update_time: unixSeconds,
  }),
  SELLER_DEAUTHORIZATION: z.object({ message: z.string() }),
  UPCOMING_AUTHORIZATION_EXPIRATION: z.object({
    message: z.string(),
    /** A string Unix timestamp on the wire; a number here. */
    expiration_time: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
  }),
  CANCELLATION_STATUS_CHANGE: z.object({
    order_id: flexibleId,
    cancellations_role: z.string(),
    cancel_status: z.string(),
    cancel_id: flexibleId,
    create_time: unixSeconds,
  }),
  RETURN_STATUS_CHANGE: z.object({
    order_id: flexibleId,
    return_role: z.string(),
    return_type: z.string(),
    return_status: z.string(),
    return_id: flexibleId,
    create_time: unixSeconds,
    update_time: unixSeconds,
  }),
  PRODUCT_INFORMATION_CHANGE: z.object({
    product_id: flexibleId,
    changed_fields: z.array(z.string()).default([]),
    update_time: unixSeconds,
  }),
  PRODUCT_CREATION: z.object({
    product_id: flexibleId,
    product_type: z.array(z.string()).default([]),
    update_time: unixSeconds,
  }),
  INVENTORY_STATUS_CHANGE: z.object({
    product_id: flexibleId,
    sku_id: flexibleId,
    trigger_reason: z
      .object({
        alert_type: z.string(),
        lead_days: z.number().optional(),
        low_stock_threshold: z.number().optional(),
      })
      .optional(),
    current_inventory_status: z.enum(['SUFFICIENT_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK']),
    inventory_distribution: z
      .object({
        total_quantity: z.number().int().optional(),
        available_quantity: z.number().int().optional(),
        creator_reserved_quantity: z.number().int().optional(),
        campaign_reserved_quantity: z.number().int().optional(),
        committed_quantity: z.number().int().optional(),
      })
      .optional(),
    update_time: unixSeconds,
  }),
} satisfies Record<TikTokWebhookTopic, z.ZodType>;

type DataOf<T extends TikTokWebhookTopic> = z.output<(typeof webhookDataSchemas)[T]>;

interface WebhookEnvelope {
  type: number;
  tts_notification_id?: string;
  shop_id: string;
  timestamp: number;
}

/** A parsed webhook: switch on `topic` to get typed `data`. Unknown `type` values arrive as topic UNKNOWN. */
export type TikTokWebhookEvent =
  | { [T in TikTokWebhookTopic]: WebhookEnvelope & { topic: T; data: DataOf<T> } }[TikTokWebhookTopic]
  | (WebhookEnvelope & { topic: 'UNKNOWN'; data: Record<string, unknown> });

export const TOPIC_BY_TYPE: ReadonlyMap<number, TikTokWebhookTopic> = new Map(
  (Object.entries(WEBHOOK_TYPE) as [TikTokWebhookTopic, number][]).map(([topic, type]) => [type, topic]),
);
