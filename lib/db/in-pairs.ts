import { and, eq, sql, type Column, type SQL } from 'drizzle-orm';

/**
 * `(a, b) in (…pairs)` for the rows of a batch (an order and its account, say), with one array
 * parameter per column, so the statement text, and its prepared plan, stay the same whatever the
 * number of pairs. A single pair is two plain equalities, which the planner matches to a unique
 * index every time; more pairs also name the first column's values on their own (see anyOf).
 */
export function inPairs(
  columns: readonly [Column, Column],
  pairs: readonly (readonly [string, string])[],
  types: readonly [string, string] = ['uuid', 'uuid'],
): SQL {
  const [a, b] = columns;
  if (pairs.length === 1) return and(eq(a, pairs[0]![0]), eq(b, pairs[0]![1]))!;
  const values = (index: 0 | 1) => pairs.map((pair) => pair[index]);
  const array = (index: 0 | 1) => sql`${sql.param(values(index))}::${sql.raw(types[index])}[]`;
  // The first column's own `= any` is the index condition; the pairs then filter.
  return sql`${anyOf(a, values(0), types[0])} and (${a}, ${b}) in (select * from unnest(${array(0)}, ${array(1)}))`;
}

/**
 * `column = any($ids)` for a batch statement that finds its rows by primary key. Written beside the
 * join to the batch (`jsonb_to_recordset`, `unnest`), it gives the planner an index condition on
 * the key, so the statement reads the batch's rows and no others whatever the statistics say. Left
 * to the join alone, statistics taken before a burst (no order yet in the state the batch is in)
 * led it to an index on (account, status) and a filter on id: every row of the burst, per row.
 */
export function anyOf(column: Column | SQL, ids: readonly string[], type = 'uuid'): SQL {
  return sql`${column} = any(${sql.param([...ids])}::${sql.raw(type)}[])`;
}
