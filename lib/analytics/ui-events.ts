import { z } from 'zod';
import { analyticsIdSchema } from './schemas';

// The key UI actions the dashboard reports, and what each may carry: ids, counts and closed
// labels only. Shared by the browser hook (client.ts) and tests; no browser APIs here.

const count = z.number().int().nonnegative();
const slug = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'must be a lower-case machine name');
const screen = z.enum([
  'orders',
  'order_detail',
  'inventory',
  'shipping',
  'analytics',
  'settings',
  'billing',
  'admin',
  'onboarding',
]);

export const uiEventSchemas = {
  label_bought: z.strictObject({ orderId: analyticsIdSchema, carrier: slug, batch: z.boolean() }),
  labels_batch_bought: z.strictObject({ orderCount: count }),
  bulk_status_changed: z.strictObject({ orderCount: count, toStatus: slug }),
  packing_slips_printed: z.strictObject({ orderCount: count }),
  pick_list_printed: z.strictObject({ orderCount: count, skuCount: count }),
  inventory_adjusted: z.strictObject({ skuCount: count, screen }),
  shop_connect_started: z.strictObject({ screen: screen.optional() }),
  carrier_connect_started: z.strictObject({ carrier: slug }),
  plan_upgrade_clicked: z.strictObject({ fromPlan: slug, toPlan: slug.optional(), screen }),
  failed_job_retried: z.strictObject({ jobName: slug, jobCount: count }),
} as const;

export type UiEventName = keyof typeof uiEventSchemas;
export type UiEventProps<E extends UiEventName> = z.input<(typeof uiEventSchemas)[E]>;

/** Events whose props are all optional may be tracked without an argument. */
export type UiEventArgs<E extends UiEventName> =
  Record<string, never> extends UiEventProps<E>
    ? [properties?: UiEventProps<E>]
    : [properties: UiEventProps<E>];

export type ParsedUiEvent =
  | { ok: true; event: UiEventName; properties: Record<string, unknown> }
  | { ok: false; event: string; error: string };

/** Checks a UI event before it leaves the browser; anything unknown or extra is refused. */
export function parseUiEvent(event: string, properties: unknown): ParsedUiEvent {
  if (!Object.hasOwn(uiEventSchemas, event))
    return { ok: false, event, error: `Unknown analytics event "${event}"` };
  const parsed = uiEventSchemas[event as UiEventName].safeParse(properties ?? {});
  if (!parsed.success) return { ok: false, event, error: z.prettifyError(parsed.error) };
  return { ok: true, event: event as UiEventName, properties: parsed.data };
}
