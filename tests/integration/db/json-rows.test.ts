import { sql } from 'drizzle-orm';
import { customType, integer, jsonb, numeric, PgDialect, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { asSystem, closeDb, insertJsonRows } from '@/lib/db';

/**
 * insertJsonRows writes what drizzle's own multi-row insert writes, for every kind of column the
 * schema uses (JSON, arrays, timestamps, numerics, bytea, NULLs, defaults), as one statement with one
 * parameter whatever the number of rows.
 */
const name = `json_rows_probe_${process.pid}`;
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const probe = pgTable(name, {
  id: uuid('id').primaryKey().defaultRandom(),
  batch: text('batch').notNull(),
  quantity: integer('quantity').notNull(),
  amount: numeric('amount'),
  tags: text('tags').array().notNull().default([]),
  data: jsonb('data').$type<Record<string, unknown>>(),
  at: timestamp('at', { withTimezone: true }),
  bytes: bytea('bytes'),
  note: text('note').notNull().default('kept default'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

beforeAll(async () => {
  await asSystem((tx) => tx.execute(sql.raw(`create table ${name} (
    id uuid primary key default gen_random_uuid(), batch text not null, quantity int not null, amount numeric,
    tags text[] not null default '{}', data jsonb, at timestamptz, bytes bytea, note text not null default 'kept default',
    created_at timestamptz not null default now())`)));
});

afterAll(async () => {
  await asSystem((tx) => tx.execute(sql.raw(`drop table if exists ${name}`)));
  await closeDb();
});

const rows = (batch: string) => [
  { batch, quantity: 2, amount: '19.99', tags: ['viral', 'a,b "quoted"'], data: { nested: { list: [1, 'two'] }, text: 'it’s' }, at: new Date('2026-11-23T10:00:00.123Z'), bytes: Buffer.from([0, 1, 254, 255]) },
  { batch, quantity: 1, amount: null, tags: [], data: null, at: null, bytes: null },
];

const stored = (batch: string) =>
  asSystem((tx) => tx.select().from(probe).where(sql`batch = ${batch}`).orderBy(probe.quantity)).then((found) =>
    found.map(({ id: _id, createdAt: _createdAt, batch: _batch, ...row }) => row),
  );

test('rows come back as drizzle’s own insert writes them', async () => {
  await asSystem((tx) => tx.insert(probe).values(rows('drizzle')));
  await asSystem((tx) => tx.execute(insertJsonRows(probe, rows('json'))));
  const viaDrizzle = await stored('drizzle');
  expect(await stored('json')).toEqual(viaDrizzle);
  expect(viaDrizzle[1]).toMatchObject({ quantity: 2, amount: '19.99', tags: ['viral', 'a,b "quoted"'], note: 'kept default' });
  expect(viaDrizzle[1]!.bytes).toEqual(Buffer.from([0, 1, 254, 255]));
});

test('one statement text whatever the number of rows, with conflict and returning clauses appended', async () => {
  const { rows: one } = await asSystem((tx) => tx.execute<{ quantity: number }>(sql`${insertJsonRows(probe, [{ batch: 'count', quantity: 1 }])} returning quantity`));
  const many = Array.from({ length: 40 }, (_, index) => ({ batch: 'count', quantity: index + 2 }));
  const { rows: forty } = await asSystem((tx) => tx.execute<{ quantity: number }>(sql`${insertJsonRows(probe, many)} on conflict do nothing returning quantity`));
  expect(one).toEqual([{ quantity: 1 }]);
  expect(forty.map((row) => row.quantity)).toEqual(many.map((row) => row.quantity));
  const render = (list: typeof many) => new PgDialect().sqlToQuery(insertJsonRows(probe, list));
  expect(render(many.slice(0, 1)).sql).toBe(render(many).sql);
  expect(render(many).params).toHaveLength(1);
});

test('a row that leaves a defaulted column out, where others set it, is refused before anything is written', () => {
  expect(() => insertJsonRows(probe, [{ batch: 'mixed', quantity: 1, note: 'set' }, { batch: 'mixed', quantity: 2 }])).toThrow(/note/);
  expect(() => insertJsonRows(probe, [])).toThrow(/at least one row/);
});
