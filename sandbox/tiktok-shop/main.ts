// Stand-alone TikTok Shop simulator: `bun sandbox/tiktok-shop/main.ts` (or `bun run sandbox:tiktok`).
// Env: TIKTOK_SIM_PORT (4100), TIKTOK_APP_KEY, TIKTOK_APP_SECRET, TIKTOK_SIM_WEBHOOK_URL,
// TIKTOK_SIM_REDIRECT_URL, TIKTOK_SIM_ON_HOLD_MS (5000 here; TikTok's real hold is about an hour).
import { createTikTokShopSimulator } from './create-simulator';

const env = process.env;

function integer(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`[tiktok-sim] ${name} must be a non-negative integer, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const simulator = await createTikTokShopSimulator({
  port: integer('TIKTOK_SIM_PORT', 4100),
  host: env.TIKTOK_SIM_HOST || '127.0.0.1',
  appKey: env.TIKTOK_APP_KEY || 'cf_local_app_key',
  appSecret: env.TIKTOK_APP_SECRET || 'cf_local_app_secret',
  webhookUrl: env.TIKTOK_SIM_WEBHOOK_URL || 'http://127.0.0.1:3000/api/webhooks/tiktok',
  redirectUrl: env.TIKTOK_SIM_REDIRECT_URL || 'http://127.0.0.1:3000/api/tiktok/callback',
  onHoldMs: integer('TIKTOK_SIM_ON_HOLD_MS', 5000),
});

console.log(`[tiktok-sim] TikTok Shop simulator on ${simulator.url}`);
console.log(
  `[tiktok-sim] consent page: ${simulator.url}/oauth/authorize?app_key=${simulator.sim.options.appKey}&state=demo`,
);
console.log(
  `[tiktok-sim] webhooks to ${simulator.sim.options.webhookUrl}; state at ${simulator.url}/__sandbox/state`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
