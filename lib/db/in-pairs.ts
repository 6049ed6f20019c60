import { and, eq, sql, type Column, type SQL } from 'drizzle-orm';

/**
 * `(a, b) in (…pairs)` for the rows of a batch (an order and its account, say), with one array
 * parameter per column, so the statement text, and its prepared plan, stay the same whatever the
 * number of pairs. A single pair is two plain equalities, which the planner matches to a unique
 * index every time.
 */
export function inPairs(
  columns: readonly [Column, Column],
  pairs: readonly (readonly [string, string])[],
  types: readonly [string, string] = ['uuid', 'uuid'],
): SQL {
  const [a, b] = columns;
  if (pairs.length === 1) return and(eq(a, pairs[0]![0]), eq(b, pairs[0]![1]))!;
  const array = (index: 0 | 1) => sql`${sql.param(pairs.map((pair) => pair[index]))}::${sql.raw(types[index])}[]`;
  return sql`(${a}, ${b}) in (select * from unnest(${array(0)}, ${array(1)}))`;
}
