// bun run db:migrate — applies supabase/migrations to DATABASE_URL (default: the local embedded Postgres).
import { migrate } from '@/lib/db/migrate';

const url = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54322/postgres';
const result = await migrate(url);
console.log(
  result.applied.length ? `Applied ${result.applied.join(', ')}` : 'Database is up to date',
  `(${result.skipped} already applied)`,
);
