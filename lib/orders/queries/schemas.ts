import { z } from 'zod';
import { ORDER_STATUSES } from '@/lib/tiktok/constants';
import type { Priority, TikTokOrderStatus, WorkflowStatus } from '@/lib/db/schema/orders';

/**
 * The query of GET /api/orders (and of the /orders page URL), validated with zod. Client-safe: the
 * orders page reads and writes the same parameters in its URL. Lists repeat a parameter
 * (`status=A&status=B`), may use the `status[]` spelling, or separate values with commas.
 *
 * The workflow lists are spelled out here (not imported from the Drizzle schema) so client bundles
 * stay free of drizzle-orm; the `satisfies` + exhaustiveness checks keep them equal to the schema's.
 * TikTok's statuses come from the protocol constants, a plain module.
 */
/** TikTok's order statuses, from the protocol constants (a plain module, safe in client bundles). */
export const ORDER_STATUS_VALUES = ORDER_STATUSES;
export const WORKFLOW_STATUS_VALUES = [
  'new',
  'validated',
  'inventory_reserved',
  'ready_to_ship',
  'shipped',
  'completed',
  'failed',
  'cancelled',
] as const satisfies readonly WorkflowStatus[];
export const PRIORITY_VALUES = ['VIRAL', 'HIGH', 'MED', 'AUTO'] as const satisfies readonly Priority[];
export const SORT_FIELDS = ['order_date', 'updated_at', 'total_amount'] as const;

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const exhaustive: [
  Exhaustive<TikTokOrderStatus, (typeof ORDER_STATUS_VALUES)[number]>,
  Exhaustive<WorkflowStatus, (typeof WORKFLOW_STATUS_VALUES)[number]>,
  Exhaustive<Priority, (typeof PRIORITY_VALUES)[number]>,
] = [true, true, true];
void exhaustive;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date (`2026-11-23`, the whole day in UTC) or an ISO date-time with offset. */
const dateBound = (edge: 'start' | 'end') =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((value) => {
    if (!DATE_ONLY.test(value)) return new Date(value);
    const day = new Date(`${value}T00:00:00.000Z`);
    // date_to names a whole day: the bound is the start of the next day (exclusive).
    return edge === 'start' ? day : new Date(day.getTime() + 24 * 3600 * 1000);
  });

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length * 2)
    .default([]);

export const listOrdersQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    status: list(ORDER_STATUS_VALUES),
    workflow_status: list(WORKFLOW_STATUS_VALUES),
    priority: list(PRIORITY_VALUES),
    date_from: dateBound('start').optional(),
    date_to: dateBound('end').optional(),
    search: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((value) => (value ? value : undefined)),
    overdue: z.stringbool().optional(),
    sort_by: z.enum(SORT_FIELDS).default('order_date'),
    sort_order: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine((query) => !query.date_from || !query.date_to || query.date_from < query.date_to, {
    message: 'date_from must be before date_to',
    path: ['date_from'],
  });

export type ListOrdersQuery = z.output<typeof listOrdersQuerySchema>;
export type ListOrdersQueryInput = z.input<typeof listOrdersQuerySchema>;

const LIST_KEYS = ['status', 'workflow_status', 'priority'] as const;

type ParamsLike = {
  getAll(name: string): string[];
  get(name: string): string | null;
  keys(): Iterable<string>;
};

/** Turns URL parameters into the raw object the schema validates (lists gathered, commas split). */
export function searchParamsToRaw(params: ParamsLike): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    if ((LIST_KEYS as readonly string[]).includes(name)) {
      const values = params
        .getAll(key)
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean);
      raw[name] = [...((raw[name] as string[] | undefined) ?? []), ...values];
    } else {
      raw[name] = params.get(key) ?? undefined;
    }
  }
  return raw;
}

export const parseListOrdersQuery = (params: ParamsLike) =>
  listOrdersQuerySchema.safeParse(searchParamsToRaw(params));

/** Next.js page searchParams (string | string[]) as URLSearchParams. */
export function toUrlSearchParams(input: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      params.append(key, one);
  }
  return params;
}

// Ids travel in the URL (?ids=…): 200 UUIDs stay well under Node's 16 KB request-header limit.
export const MAX_PICK_LIST_ORDERS = 200;

/** `?ids=a,b,c` (or repeated `ids`) of the pick list and packing-slip batch pages. */
export const orderIdsSchema = z
  .array(z.uuid())
  .min(1, 'Select at least one order')
  .max(MAX_PICK_LIST_ORDERS, `At most ${MAX_PICK_LIST_ORDERS} orders at once`)
  .transform((ids) => [...new Set(ids)]);

export const splitIds = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((part) => part.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
