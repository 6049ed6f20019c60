// bun run dev — everything a newcomer needs on one machine: embedded Postgres 17 (data kept in .data/),
// migrations, demo data, the TikTok Shop and carrier simulators, and `next dev`. Ctrl-C stops it all.
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed/demo-users';
import { startStack, waitForUrl } from './lib/stack';

const appPort = Number(process.env.PORT ?? 3000);
const stack = await startStack({
  mode: 'dev',
  appPort,
  pgPort: Number(process.env.PGPORT_LOCAL ?? 54322),
  pgDataDir: '.data/postgres',
  pgPersistent: true,
  tiktokPort: Number(process.env.TIKTOK_SIM_PORT ?? 4100),
  carrierPort: Number(process.env.CARRIER_SIM_PORT ?? 4010),
  stripePort: Number(process.env.STRIPE_SIM_PORT ?? 4200),
  databaseUrl: process.env.DATABASE_URL,
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Next.js, simulators and Postgres…`);
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await waitForUrl(`${stack.appUrl}/api/health`, 180_000);
// `next dev` compiles a route on its first request; TikTok (and the simulator) give a webhook 3 s before
// retrying minutes later, so compile the webhook route now rather than on the first order.
await fetch(`${stack.appUrl}/api/webhooks/tiktok`, { method: 'POST', body: '{}' }).catch(() => undefined);
console.log(`
  CreatorFlow is running at ${stack.appUrl}
  Demo login:   ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}
  Other tenant: ${DEMO_USERS[1].email} / ${DEMO_PASSWORD}   Ops: ${DEMO_USERS[2].email} / ${DEMO_PASSWORD}
  Database:     ${stack.databaseUrl}
`);
