import { getTableColumns, type Column, type Table } from 'drizzle-orm';

const columnsOf = new WeakMap<Table, Record<string, Column>>();

/** The table's columns by property name (drizzle's getTableColumns, read once per table). */
export function tableColumns(table: Table): Record<string, Column> {
  let columns = columnsOf.get(table);
  if (!columns) {
    columns = getTableColumns(table);
    columnsOf.set(table, columns);
  }
  return columns;
}

/**
 * A raw row of `table` (column names, driver values), as drizzle's own select returns it: for
 * statements written in SQL that end `returning t.*` (set-based updates from a JSON list).
 */
export function rowFromDriver<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(tableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
