import { z } from 'zod';

// Automation rules: when every condition holds for an order at validation, the actions apply.
// Stored as jsonb in automation_rules.conditions / .actions and parsed with these schemas both
// when written (API) and when read (workflow), so a hand-edited row cannot inject anything else.

const PRIORITIES = ['VIRAL', 'HIGH', 'MED', 'AUTO'] as const;
export const SERVICE_LEVEL_VALUES = ['economy', 'standard', 'express', 'overnight'] as const;

const setOps = z.enum(['in', 'not_in']);
const numberOps = z.enum(['gt', 'gte', 'lt', 'lte', 'eq']);
const codes = (max: number) => z.array(z.string().trim().min(1).max(max)).min(1).max(200);

export const conditionSchema = z.discriminatedUnion('field', [
  /** Any line's seller SKU or TikTok SKU id is (not) in the list. */
  z.object({ field: z.literal('sku'), op: setOps, values: codes(100) }),
  /** Total parcel weight in grams (SKU weight × quantity). */
  z.object({ field: z.literal('weight_grams'), op: numberOps, value: z.number().int().min(0).max(1_000_000) }),
  z.object({ field: z.literal('destination_country'), op: setOps, values: codes(2).transform((v) => v.map((c) => c.toUpperCase())) }),
  z.object({ field: z.literal('destination_state'), op: setOps, values: codes(64).transform((v) => v.map((c) => c.toUpperCase())) }),
  /** The order's total in minor units (cents). */
  z.object({ field: z.literal('order_value_cents'), op: numberOps, value: z.number().int().min(0).max(100_000_000) }),
  z.object({ field: z.literal('priority'), op: setOps, values: z.array(z.enum(PRIORITIES)).min(1).max(4) }),
]);
export type RuleCondition = z.infer<typeof conditionSchema>;

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_service_level'), service_level: z.enum(SERVICE_LEVEL_VALUES) }),
  z.object({ type: z.literal('hold_for_review'), reason: z.string().trim().min(1).max(200).optional() }),
  z.object({ type: z.literal('add_tag'), tag: z.string().trim().min(1).max(40).regex(/^[\w:-]+$/, 'letters, digits, _ - and : only') }),
  z.object({ type: z.literal('skip_auto_label') }),
]);
export type RuleAction = z.infer<typeof actionSchema>;

export const ruleBodySchema = z.object({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).default(0),
  /** Empty: the rule applies to every order. */
  conditions: z.array(conditionSchema).max(20).default([]),
  actions: z.array(actionSchema).min(1, 'a rule needs at least one action').max(10),
});
export type RuleBody = z.infer<typeof ruleBodySchema>;
export const ruleUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    enabled: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    conditions: z.array(conditionSchema).max(20).optional(),
    actions: z.array(actionSchema).min(1, 'a rule needs at least one action').max(10).optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), 'nothing to update');
export type RuleUpdate = z.infer<typeof ruleUpdateSchema>;

export type AutomationRule = RuleBody & { id: string; createdAt: Date; updatedAt: Date };
