// bun run db:seed — idempotent demo data on DATABASE_URL (default: the local embedded Postgres).
import { closeDb } from '@/lib/db';
import { seedDemo } from '@/lib/seed/seed-demo';

const seeded = await seedDemo();
for (const user of seeded) console.log(`seeded ${user.email} (account ${user.accountId})`);
await closeDb();
