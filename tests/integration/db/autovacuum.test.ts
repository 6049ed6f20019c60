import { sql } from 'drizzle-orm';
import { asSystem, closeDb, type Tx } from '@/lib/db';
import { getReadyBoss, stopQueueRuntime } from '@/lib/queue/runtime';

/**
 * The tables a spike rewrites vacuum after 1,000 dead tuples (plus 1 %), unthrottled, instead of
 * Postgres's 20 % of the table (migration 20261124000100_autovacuum_hot_tables.sql), and analyze
 * at Postgres's default 10 % (migration 20261124000300_analyze_at_default_rate.sql), and so do
 * pg-boss's job tables, which pg-boss creates itself and the queue runtime tunes when it starts.
 * Both go through private.keep_vacuumed, which alters a table only when its options differ.
 */
const EXPECTED = ['autovacuum_vacuum_scale_factor=0.01', 'autovacuum_vacuum_threshold=1000', 'autovacuum_vacuum_cost_delay=0', 'autovacuum_analyze_scale_factor=0.1'];

const optionsOf = async (tables: string[]) =>
  (
    await asSystem((tx) =>
      tx.execute<{ name: string; options: string[] | null }>(sql`
        select n.nspname || '.' || c.relname as name, c.reloptions as options
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname || '.' || c.relname = any(${`{${tables.join(',')}}`}::text[])
        order by 1`),
    )
  ).rows;

afterAll(async () => {
  await stopQueueRuntime();
  await closeDb();
});

test('the hot tables of the order path vacuum early and unthrottled', async () => {
  const hot = ['public.orders', 'public.shipments', 'public.label_purchase_attempts', 'public.webhook_events', 'public.tiktok_order_sync_requests', 'public.inventory_movements'];
  const rows = await optionsOf(hot);
  expect(rows.map((row) => row.name)).toEqual([...hot].sort());
  for (const row of rows) expect({ table: row.name, options: row.options }).toEqual({ table: row.name, options: expect.arrayContaining(EXPECTED) });
});

test("pg-boss's job tables get the same options when the queue starts", async () => {
  await getReadyBoss();
  const { rows: tables } = await asSystem((tx) => tx.execute<{ name: string }>(sql`select distinct 'pgboss.' || table_name as name from pgboss.queue`));
  expect(tables.length).toBeGreaterThan(0);
  const rows = await optionsOf(tables.map((table) => table.name));
  expect(rows).toHaveLength(tables.length);
  for (const row of rows) expect({ table: row.name, options: row.options }).toEqual({ table: row.name, options: expect.arrayContaining(EXPECTED) });
});

test('keep_vacuumed alters a table once, then leaves it alone while its options match', async () => {
  const calls = await asSystem(async (tx) => {
    await tx.execute(sql`create temporary table vacuum_probe (id int) on commit drop`);
    const call = async () =>
      (await tx.execute<{ altered: boolean }>(sql`select private.keep_vacuumed('pg_temp.vacuum_probe'::regclass) as altered`)).rows[0]!.altered;
    const first = await call();
    const second = await call();
    await tx.execute(sql`alter table pg_temp.vacuum_probe reset (autovacuum_vacuum_threshold)`);
    const afterReset = await call();
    const options = (await tx.execute<{ options: string[] }>(sql`select reloptions as options from pg_class where oid = 'pg_temp.vacuum_probe'::regclass`)).rows[0]!.options;
    return { first, second, afterReset, options };
  });
  expect(calls).toEqual({ first: true, second: false, afterReset: true, options: expect.arrayContaining(EXPECTED) });
});

/**
 * ANALYZE sorts a sample of every column; jsonb documents are the slowest to compare and no query
 * estimates from their statistics, so they have none (migration 20261124000500_no_statistics_on_jsonb.sql).
 */
const statisticsTargets = async (tx: Tx, table: string) =>
  (
    await tx.execute<{ column: string; type: string; target: number | null }>(sql`
      select a.attname as column, format_type(a.atttypid, null) as type, a.attstattarget::int as target
      from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`)
  ).rows;

test('jsonb columns are not analyzed, every other column is, in our tables and in the job tables', async () => {
  await getReadyBoss();
  const { rows: jobTables } = await asSystem((tx) => tx.execute<{ name: string }>(sql`select distinct 'pgboss.' || table_name as name from pgboss.queue`));
  for (const table of ['public.orders', 'public.webhook_events', 'public.label_purchase_attempts', ...jobTables.map((row) => row.name)]) {
    const columns = await asSystem((tx) => statisticsTargets(tx, table));
    expect(columns.some((column) => column.type === 'jsonb')).toBe(true);
    for (const column of columns) expect({ table, ...column }).toEqual({ table, ...column, target: column.type === 'jsonb' ? 0 : null });
  }
});

test('skip_jsonb_statistics alters each jsonb column once', async () => {
  const calls = await asSystem(async (tx) => {
    await tx.execute(sql`create temporary table statistics_probe (id int, doc jsonb, other jsonb, name text) on commit drop`);
    const call = async () =>
      (await tx.execute<{ altered: number }>(sql`select private.skip_jsonb_statistics('pg_temp.statistics_probe'::regclass) as altered`)).rows[0]!.altered;
    return { first: await call(), second: await call(), columns: (await statisticsTargets(tx, 'pg_temp.statistics_probe')).map((c) => c.target) };
  });
  expect(calls).toEqual({ first: 2, second: 0, columns: [null, 0, 0, null] });
});
