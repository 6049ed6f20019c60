import { getTableColumns, type Table } from 'drizzle-orm';

const columnsOf = new WeakMap<Table, ReturnType<typeof getTableColumns>>();

/**
 * A raw row of `table` (column names, driver values), as drizzle's own select returns it: for
 * statements written in SQL that end `returning t.*` (set-based updates from a JSON list).
 */
export function rowFromDriver<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  let columns = columnsOf.get(table);
  if (!columns) {
    columns = getTableColumns(table);
    columnsOf.set(table, columns);
  }
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
