import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Applies supabase/migrations/*.sql in name order, each in its own transaction, and records them
 * where the Supabase CLI does (supabase_migrations.schema_migrations), so `supabase db push` and
 * this script agree about what has run. An advisory lock makes concurrent starts safe.
 */
const MIGRATIONS_DIR = path.join(process.cwd(), 'supabase', 'migrations');
const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;
const LOCK_ID = 7_215_002_011;

export type MigrationResult = { applied: string[]; skipped: number };

export async function migrate(connectionString: string, directory = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  for (const name of files) {
    if (!FILE_PATTERN.test(name)) throw new Error(`Migration file name must be <14 digits>_<snake_name>.sql: ${name}`);
  }

  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, statements text[], name text
      );`);
    const done = new Set(
      (await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
        (row) => row.version,
      ),
    );

    const applied: string[] = [];
    for (const file of files) {
      const [, version, name] = FILE_PATTERN.exec(file)!;
      if (done.has(version!)) continue;
      const sql = await readFile(path.join(directory, file), 'utf8');
      try {
        await client.query('begin');
        await client.query(sql);
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
          [version, [sql], name],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file);
    }
    return { applied, skipped: files.length - applied.length };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
