// Stand-alone Stripe stand-in for local dev: `bun sandbox/stripe/main.ts` (see README.md).
import { createStripeStandIn, SANDBOX_SECRET_KEY, SANDBOX_WEBHOOK_SECRET } from './server';

const port = Number(process.env.STRIPE_SIM_PORT ?? 4200);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`STRIPE_SIM_PORT must be a port number, got "${process.env.STRIPE_SIM_PORT}"`);
  process.exit(1);
}

const standIn = await createStripeStandIn({
  port,
  host: process.env.STRIPE_SIM_HOST ?? '127.0.0.1',
  secretKey: process.env.STRIPE_SIM_SECRET_KEY ?? SANDBOX_SECRET_KEY,
  webhookUrl: process.env.STRIPE_SIM_WEBHOOK_URL ?? 'http://127.0.0.1:3000/api/webhooks/stripe',
  webhookSecret: process.env.STRIPE_SIM_WEBHOOK_SECRET ?? SANDBOX_WEBHOOK_SECRET,
  ...(process.env.STRIPE_SIM_PUBLIC_URL ? { publicUrl: process.env.STRIPE_SIM_PUBLIC_URL } : {}),
});

console.log(`Stripe stand-in listening on ${standIn.url}`);
console.log(`  webhooks → ${standIn.state.webhookEndpoint.url} (signed with the configured whsec_ secret)`);
console.log(
  `  prices: ${[...standIn.state.prices.values()].map((price) => `${price.id} (${price.lookup_key})`).join(', ')}`,
);

const shutdown = () => {
  void standIn.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
