import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';

/**
 * Settling a webhook event (status, attempts, error, processed_at, processing_ms) must stay a HOT
 * update, rewritten in place without touching the table's indexes (migration
 * 20261123008000_webhook_events_hot_updates.sql): no index may name those columns, in its keys,
 * expressions or predicate, and pages keep room for the settled versions.
 */
const SETTLE_COLUMNS = ['status', 'attempts', 'error', 'processed_at', 'processing_ms'];

afterAll(async () => {
  await closeDb();
});

test('no index of webhook_events covers a column that settling an event writes', async () => {
  const { rows } = await asSystem((tx) =>
    tx.execute<{ name: string; definition: string }>(sql`
      select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
      from pg_index where indrelid = 'public.webhook_events'::regclass`),
  );
  expect(rows.length).toBeGreaterThan(0);
  const offending = rows.filter((row) => SETTLE_COLUMNS.some((column) => new RegExp(`\\b${column}\\b`).test(row.definition)));
  expect(offending).toEqual([]);
});

test('webhook_events pages keep room for settled versions (fill factor below 100)', async () => {
  const { rows } = await asSystem((tx) =>
    tx.execute<{ options: string[] | null }>(sql`select reloptions as options from pg_class where oid = 'public.webhook_events'::regclass`),
  );
  expect(rows[0]!.options).toContain('fillfactor=80');
});
