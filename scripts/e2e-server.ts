// The server Playwright tests against: a production build (`next start`) on a fresh embedded
// Postgres with demo data and the simulators. Every port (and the data dir) derives from E2E_PORT,
// so several runs can coexist with each other and with `bun run dev`.
import { startStack } from './lib/stack';

const appPort = Number(process.env.E2E_PORT ?? 3100);
const slot = Math.max(0, Math.round((appPort - 3100) / 100)) * 10;
const stack = await startStack({
  mode: 'production',
  appPort,
  pgPort: 54330 + slot,
  pgDataDir: `.data/e2e-postgres-${appPort}`,
  pgPersistent: false,
  tiktokPort: 4101 + slot,
  carrierPort: 4011 + slot,
  stripePort: 4201 + slot,
  quiet: process.env.E2E_VERBOSE !== '1',
});
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
console.log(`e2e stack ready at ${stack.appUrl}`);
