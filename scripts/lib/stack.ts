import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '@/lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

/**
 * The whole local stack in one place, shared by `bun run dev` and the Playwright server:
 * Postgres (embedded unless DATABASE_URL is given), migrations, demo seed, the simulators and
 * Next.js. stop() takes everything down, Postgres last, so no process is left behind.
 */
export type StackOptions = {
  mode: 'dev' | 'production';
  appPort: number;
  pgPort: number;
  pgDataDir: string;
  pgPersistent: boolean;
  tiktokPort: number;
  carrierPort: number;
  stripePort: number;
  databaseUrl?: string;
  extraEnv?: Record<string, string>;
  quiet?: boolean;
};

export type Stack = { appUrl: string; databaseUrl: string; env: Record<string, string>; stop: () => Promise<void> };

const root = process.cwd();
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: Record<string, string>, label: string, quiet: boolean): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const print = (chunk: Buffer) => {
    if (quiet) return;
    for (const line of chunk.toString().split('\n')) if (line.trim()) process.stdout.write(`[${label}] ${line}\n`);
  };
  child.stdout?.on('data', print);
  child.stderr?.on('data', print);
  return child;
}

async function waitForExit(child: ChildProcess, label: string): Promise<void> {
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${label} exited with code ${code}`);
}

export async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const quiet = options.quiet ?? false;
  let database: EmbeddedDatabase | undefined;
  const children: ChildProcess[] = [];

  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 5000);
            child.on('exit', () => (clearTimeout(timer), resolve()));
          }),
      ),
    );
    await database?.stop();
  };

  try {
    const databaseUrl =
      options.databaseUrl ??
      (database = await startEmbeddedPostgres({
        dataDir: options.pgDataDir,
        port: options.pgPort,
        persistent: options.pgPersistent,
      })).url;

    const appUrl = `http://localhost:${options.appPort}`;
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      APP_URL: appUrl,
      PORT: String(options.appPort),
      TIKTOK_API_BASE_URL: `http://127.0.0.1:${options.tiktokPort}`,
      TIKTOK_AUTH_BASE_URL: `http://127.0.0.1:${options.tiktokPort}`,
      TIKTOK_AUTHORIZE_URL: `http://127.0.0.1:${options.tiktokPort}/oauth/authorize`,
      TIKTOK_SIM_PORT: String(options.tiktokPort),
      TIKTOK_SIM_WEBHOOK_URL: `${appUrl}/api/webhooks/tiktok`,
      TIKTOK_SIM_REDIRECT_URL: `${appUrl}/api/tiktok/callback`,
      SHIPPO_BASE_URL: `http://127.0.0.1:${options.carrierPort}`,
      EASYPOST_BASE_URL: `http://127.0.0.1:${options.carrierPort}/v2/`,
      CARRIER_SIM_PORT: String(options.carrierPort),
      CARRIER_SIM_SHIPPO_WEBHOOK_URL: `${appUrl}/api/webhooks/shippo?token=cf_local_shippo_webhook_token`,
      CARRIER_SIM_EASYPOST_WEBHOOK_URL: `${appUrl}/api/webhooks/easypost`,
      STRIPE_SIM_PORT: String(options.stripePort),
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.extraEnv,
    };

    const migrated = await migrate(databaseUrl);
    if (!quiet && migrated.applied.length) console.log(`[db] applied ${migrated.applied.length} migration(s)`);
    await waitForExit(run('bun', ['--preload', './scripts/lib/server-runtime.ts', 'scripts/seed.ts'], env, 'seed', quiet), 'seed');

    for (const [label, entry] of [
      ['tiktok-sim', 'sandbox/tiktok-shop/main.ts'],
      ['carrier-sim', 'sandbox/carrier/main.ts'],
    ] as const) {
      if (existsSync(path.join(root, entry))) children.push(run('bun', [entry], env, label, quiet));
    }

    // The demo account's TikTok shop, connected for real once the simulator answers: the seller's
    // consent, the same code exchange and upsert as the OAuth callback, the catalog import. Idempotent.
    await waitForUrl(`${env.TIKTOK_API_BASE_URL}/__sandbox/state`, 30_000);
    const connectDemoShop = "await (await import('@/lib/seed/connect-demo-shop')).runConnectDemoShop()";
    await waitForExit(
      run('bun', ['--preload', './scripts/lib/server-runtime.ts', '--eval', connectDemoShop], env, 'tiktok-connect', quiet),
      'demo shop connection',
    ).catch((error: Error) => console.warn(`[tiktok-connect] the demo shop is not connected: ${error.message}`));

    const nextArgs = options.mode === 'dev' ? ['dev', '-p', String(options.appPort)] : ['start', '-p', String(options.appPort)];
    children.push(run(bin('next'), nextArgs, env, 'next', quiet));
    return { appUrl, databaseUrl, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
