import { z } from 'zod';

/** POST /api/inventory/adjust: a counted change to one SKU in one warehouse. */
export const adjustStockSchema = z.object({
  sku_id: z.uuid(),
  warehouse_id: z.string().trim().min(1).max(64),
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((value) => value !== 0, 'delta must not be 0'),
  reason: z.string().trim().min(1, 'say why the stock changed').max(200),
});
export type AdjustStockInput = z.infer<typeof adjustStockSchema>;
