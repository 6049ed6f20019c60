import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable has a working local default so that
 * `bun run dev` and `bun run test` need no .env file; production (DEPLOY_ENV=production) refuses
 * to boot with any of the local secrets below. Validated once, at first import.
 */
const LOCAL_JWT_SECRET = 'cf-local-dev-jwt-secret-change-me-0123456789abcdef';
const LOCAL_ENCRYPTION_KEY = 'Y2YtbG9jYWwtZGV2LWVuY3J5cHRpb24ta2V5LTMyYiE='; // 32 bytes, base64

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value : undefined));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DEPLOY_ENV: z.enum(['local', 'production']).default('local'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  APP_URL: z.url().default('http://localhost:3000'),

  DATABASE_URL: z.string().default('postgres://postgres:postgres@127.0.0.1:54322/postgres'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Statements with parameters are prepared once per connection (lib/db/preparing-client.ts). Turn off
  // behind a transaction-mode pooler that cannot keep prepared statements (older PgBouncer, Supavisor
  // in transaction mode without prepared-statement support).
  DATABASE_PREPARED_STATEMENTS: bool(true),
  // LISTEN needs a session connection: on Supabase, the direct or session-mode pooler URL (the
  // transaction-mode pooler drops LISTEN). Unset: DATABASE_URL is used.
  DATABASE_LISTEN_URL: optionalString,

  AUTH_JWT_SECRET: z.string().min(32).default(LOCAL_JWT_SECRET),
  AUTH_SESSION_TTL_SECONDS: z.coerce.number().int().min(300).default(60 * 60 * 12),
  AUTH_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  AUTH_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  APP_ENCRYPTION_KEY: z
    .string()
    .default(LOCAL_ENCRYPTION_KEY)
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),

  NEXT_PUBLIC_SUPABASE_URL: optionalString,
  NEXT_PUBLIC_SUPABASE_ANON_KEY: optionalString,

  TIKTOK_APP_KEY: z.string().default('cf_local_app_key'),
  TIKTOK_APP_SECRET: z.string().default('cf_local_app_secret'),
  TIKTOK_API_BASE_URL: z.url().default('http://127.0.0.1:4100'),
  TIKTOK_AUTH_BASE_URL: z.url().default('http://127.0.0.1:4100'),
  TIKTOK_AUTHORIZE_URL: z.url().default('http://127.0.0.1:4100/oauth/authorize'),
  TIKTOK_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(50),
  TIKTOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1000),
  TIKTOK_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(120),
  TIKTOK_RECONCILE_OVERLAP_SECONDS: z.coerce.number().int().min(0).default(600),

  SHIPPO_API_KEY: z.string().default('shippo_test_cf_local'),
  SHIPPO_BASE_URL: z.url().default('http://127.0.0.1:4010'),
  SHIPPO_WEBHOOK_TOKEN: z.string().default('cf_local_shippo_webhook_token'),
  SHIPPO_WEBHOOK_HMAC_SECRET: optionalString,
  EASYPOST_API_KEY: z.string().default('EZTK_cf_local'),
  EASYPOST_BASE_URL: z.url().default('http://127.0.0.1:4010/v2/'),
  EASYPOST_WEBHOOK_SECRET: z.string().default('cf_local_easypost_webhook_secret'),
  SHIPPING_CARRIER: z.enum(['shippo', 'easypost']).default('shippo'),

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE_URL: optionalString,
  // Price ids per paid plan; unset ones are found by their lookup key (cf_<plan>_monthly).
  STRIPE_PRICE_STARTER: optionalString,
  STRIPE_PRICE_GROWTH: optionalString,
  STRIPE_PRICE_PRO: optionalString,

  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString,
  EMAIL_FROM: z.string().default('CreatorFlow <notifications@creatorflow.dev>'),

  NEXT_PUBLIC_POSTHOG_KEY: optionalString,
  NEXT_PUBLIC_POSTHOG_HOST: z.url().default('https://us.i.posthog.com'),

  QUEUE_WORKERS_ENABLED: bool(true),
  QUEUE_SCHEMA: z.string().default('pgboss'),
});

export type Env = z.infer<typeof schema>;

function loadEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  if (env.DEPLOY_ENV === 'production') {
    const localSecrets: string[] = [];
    if (env.AUTH_JWT_SECRET === LOCAL_JWT_SECRET) localSecrets.push('AUTH_JWT_SECRET');
    if (env.APP_ENCRYPTION_KEY === LOCAL_ENCRYPTION_KEY) localSecrets.push('APP_ENCRYPTION_KEY');
    if (localSecrets.length > 0) {
      throw new Error(`Refusing to start in production with local default secrets: ${localSecrets.join(', ')}`);
    }
  }
  return env;
}

export const env: Env = loadEnv();

export const isSupabaseAuth = (): boolean =>
  Boolean(env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_ANON_KEY);
