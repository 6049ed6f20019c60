import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { logger } from '@/lib/logger';
import type { EvaluableRule } from './evaluate-rules';
import { actionSchema, conditionSchema } from './schemas';

type Row = typeof tables.automationRules.$inferSelect;

/** A stored rule, re-validated; a row that no longer parses is skipped (and logged), never half-applied. */
export function parseStoredRule(row: Row): EvaluableRule | null {
  const conditions = conditionSchema.array().safeParse(row.conditions);
  const actions = actionSchema.array().min(1).safeParse(row.actions);
  if (!conditions.success || !actions.success) {
    logger.warn({ ruleId: row.id, accountId: row.accountId }, 'automation rule does not parse; skipped');
    return null;
  }
  return { id: row.id, name: row.name, enabled: row.enabled, position: row.position, conditions: conditions.data, actions: actions.data };
}

// Validation reads the rules of every order; a spike of thousands of orders for one account reads
// them once per few seconds instead. Edits through this module clear the entry at once; another
// process sees an edit within CACHE_MS.
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; rules: EvaluableRule[] }>();

export function forgetCachedRules(accountId: string): void {
  cache.delete(accountId);
}

export async function loadActiveRules(tx: Tx, accountId: string): Promise<EvaluableRule[]> {
  const hit = cache.get(accountId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rules;
  const rows = await tx
    .select()
    .from(tables.automationRules)
    .where(and(eq(tables.automationRules.accountId, accountId), eq(tables.automationRules.enabled, true)));
  const rules = rows.map(parseStoredRule).filter((rule): rule is EvaluableRule => rule !== null);
  cache.set(accountId, { at: Date.now(), rules });
  return rules;
}
