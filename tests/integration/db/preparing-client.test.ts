import { Pool } from 'pg';
import { env } from '@/lib/env';
import { PreparingClient } from '@/lib/db/preparing-client';

/**
 * The pool's client prepares parameterised statements once per connection (Postgres then skips
 * parsing and planning them), leaves parameterless text on the simple protocol, and recovers when
 * a migration makes a prepared plan stale.
 */
let pool: Pool;

beforeAll(() => {
  pool = new Pool({ connectionString: env.DATABASE_URL, max: 1, Client: PreparingClient });
});

afterAll(async () => {
  await pool.end();
});

const preparedOnConnection = async (client: { query: Pool['query'] }, like: string) =>
  (await client.query<{ statement: string }>(`select statement from pg_prepared_statements where statement like '${like}'`)).rows;

test('a statement with parameters is prepared once and reused; one without stays unnamed', async () => {
  const client = await pool.connect();
  try {
    for (let i = 0; i < 3; i += 1) {
      const { rows } = await client.query<{ n: number }>('select $1::int + 1 as n /* prepared-probe */', [i]);
      expect(rows[0]!.n).toBe(i + 1);
    }
    await client.query('select 42 as answer /* unprepared-probe */');
    expect(await preparedOnConnection(client, '%prepared-probe%')).toHaveLength(1);
    expect(await preparedOnConnection(client, '%unprepared-probe%')).toHaveLength(0);
  } finally {
    client.release();
  }
});

test('a plan made stale by a migration fails once, then the statement is prepared afresh', async () => {
  const client = await pool.connect();
  const table = `prepared_probe_${process.pid}`;
  try {
    await client.query(`create table ${table} (a int)`);
    await client.query(`insert into ${table} values (1)`);
    const read = () => client.query(`select * from ${table} where a = $1`, [1]);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    await client.query(`alter table ${table} add column b text default 'x'`);
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ a: 1, b: 'x' }]);
  } finally {
    await client.query(`drop table if exists ${table}`);
    client.release();
  }
});

test('prepared statements run on a generic plan from their first run, not a custom plan for each of the first five', async () => {
  const client = await pool.connect();
  try {
    expect((await client.query<{ plan_cache_mode: string }>('show plan_cache_mode')).rows[0]!.plan_cache_mode).toBe('force_generic_plan');
    for (let i = 0; i < 3; i += 1) await client.query('select count(*) from pg_class where relpages > $1 /* generic-probe */', [i]);
    const [plans] = (await client.query<{ generic_plans: string; custom_plans: string }>(
      `select generic_plans, custom_plans from pg_prepared_statements where statement like '%generic-probe%'`)).rows;
    // Postgres's default makes a custom plan for each of these runs: custom_plans 3.
    expect(plans).toEqual({ generic_plans: '3', custom_plans: '0' });
  } finally {
    client.release();
  }
});
