// The server Playwright tests against: a production build (`next start`) on a fresh embedded
// Postgres with demo data and the simulators, on ports that do not clash with `bun run dev`.
import { startStack } from './lib/stack';

const stack = await startStack({
  mode: 'production',
  appPort: Number(process.env.E2E_PORT ?? 3100),
  pgPort: 54330,
  pgDataDir: '.data/e2e-postgres',
  pgPersistent: false,
  tiktokPort: 4101,
  carrierPort: 4011,
  stripePort: 4201,
  quiet: process.env.E2E_VERBOSE !== '1',
});
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
console.log(`e2e stack ready at ${stack.appUrl}`);
