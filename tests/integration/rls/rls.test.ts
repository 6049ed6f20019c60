import { sql } from 'drizzle-orm';
import { asSystem, closeDb, getDb, withRls } from '@/lib/db';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { tenantRowFactories } from '@/tests/factories/tenant-rows';

/**
 * The tenancy contract, read from the catalog so it covers tables added later:
 * every public table has RLS on; every tenant table has an index led by account_id and a row
 * factory; and for each tenant table, account B cannot select, insert, update or delete account A's
 * rows, while anon sees nothing at all.
 */
type TableInfo = { table_name: string; rls: boolean; has_account_id: boolean; account_index: boolean };

let catalog: TableInfo[];
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  const result = await getDb().execute<TableInfo>(sql`
    select c.relname as table_name, c.relrowsecurity as rls,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'account_id' and not a.attisdropped) as has_account_id,
      exists (
        select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where i.indrelid = c.oid and a.attname = 'account_id'
      ) as account_index
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by 1`);
  catalog = result.rows;
  tenantA = await createTenant('Acme');
  tenantB = await createTenant('Bravo');
});

afterAll(() => closeDb());

/** Drizzle wraps the driver's error; the Postgres message is on its cause. */
const postgresMessage = (error: Error | null): string =>
  error ? String((error.cause as Error | undefined)?.message ?? error.message) : 'no error';

const tenantTables = () => catalog.filter((table) => table.has_account_id).map((table) => table.table_name);

test('every table in public has row level security enabled', () => {
  expect(catalog.length).toBeGreaterThan(0);
  expect(catalog.filter((table) => !table.rls).map((table) => table.table_name)).toEqual([]);
});

test('every tenant table has an index led by account_id', () => {
  expect(catalog.filter((table) => table.has_account_id && !table.account_index).map((t) => t.table_name)).toEqual([]);
});

test('every tenant table has a row factory, so the isolation tests below cover it', () => {
  expect(tenantTables().filter((name) => !tenantRowFactories[name])).toEqual([]);
});

test('every policy on a public table applies to authenticated only', async () => {
  const result = await getDb().execute<{ tablename: string; policyname: string; roles: string }>(sql`
    select tablename, policyname, roles::text from pg_policies where schemaname = 'public'`);
  expect(result.rows.length).toBeGreaterThan(0);
  expect(result.rows.filter((policy) => policy.roles !== '{authenticated}')).toEqual([]);
});

describe.each(Object.keys(tenantRowFactories))('tenant table %s', (table) => {
  const t = sql.identifier(table);

  test('the owning account sees its row (the checks below are not vacuous)', async () => {
    const match = await asSystem((tx) => tenantRowFactories[table]!(tx, tenantA.accountId));
    const seen = await withRls(tenantA.claims, (tx) => tx.execute(sql`select 1 from public.${t} where ${match}`));
    expect(seen.rows).toHaveLength(1);
  });

  test("account B cannot select, update or delete account A's rows", async () => {
    const match = await asSystem((tx) => tenantRowFactories[table]!(tx, tenantA.accountId));
    await withRls(tenantB.claims, async (tx) => {
      expect((await tx.execute(sql`select 1 from public.${t} where ${match}`)).rows).toHaveLength(0);
      expect((await tx.execute(sql`select 1 from public.${t} where account_id = ${tenantA.accountId}`)).rows).toHaveLength(0);
    });
    const updated = await withRls(tenantB.claims, (tx) =>
      tx.execute(sql`update public.${t} set account_id = account_id where ${match}`).catch((error: Error) => error),
    );
    expect(updated instanceof Error ? 0 : updated.rowCount).toBe(0);
    const deleted = await withRls(tenantB.claims, (tx) =>
      tx.execute(sql`delete from public.${t} where ${match}`).catch((error: Error) => error),
    );
    expect(deleted instanceof Error ? 0 : deleted.rowCount).toBe(0);
    const still = await asSystem((tx) => tx.execute(sql`select 1 from public.${t} where ${match}`));
    expect(still.rows).toHaveLength(1);
  });

  test("account B cannot insert rows into account A", async () => {
    const error = await withRls(tenantB.claims, (tx) => tenantRowFactories[table]!(tx, tenantA.accountId)).then(
      () => null,
      (failure: Error) => failure,
    );
    expect(postgresMessage(error)).toMatch(/row-level security|permission denied/);
  });

  test('anon sees nothing', async () => {
    await asSystem((tx) => tenantRowFactories[table]!(tx, tenantA.accountId));
    const rows = await asSystem(async (tx) => {
      await tx.execute(sql`set local role anon`);
      return tx.execute(sql`select * from public.${t}`).then(
        (result) => result.rows,
        () => [],
      );
    });
    expect(rows).toEqual([]);
  });
});

describe('accounts and profiles', () => {
  test("account B cannot see or rename account A, and anon cannot list accounts", async () => {
    const seen = await withRls(tenantB.claims, (tx) =>
      tx.execute(sql`select id from public.accounts where id = ${tenantA.accountId}`),
    );
    expect(seen.rows).toHaveLength(0);
    const renamed = await withRls(tenantB.claims, (tx) =>
      tx.execute(sql`update public.accounts set name = 'pwned' where id = ${tenantA.accountId}`),
    );
    expect(renamed.rowCount).toBe(0);
    const own = await withRls(tenantA.claims, (tx) => tx.execute(sql`select name from public.accounts`));
    expect(own.rows).toHaveLength(1);
    const anon = await asSystem(async (tx) => {
      await tx.execute(sql`set local role anon`);
      return tx.execute(sql`select * from public.accounts`).then((r) => r.rows, () => []);
    });
    expect(anon).toEqual([]);
  });

  test("B cannot read A's profile unless they share an account", async () => {
    const other = await withRls(tenantB.claims, (tx) =>
      tx.execute(sql`select id from public.profiles where id = ${tenantA.userId}`),
    );
    expect(other.rows).toHaveLength(0);
    const mine = await withRls(tenantA.claims, (tx) =>
      tx.execute(sql`select id from public.profiles where id = ${tenantA.userId}`),
    );
    expect(mine.rows).toHaveLength(1);
  });
});
