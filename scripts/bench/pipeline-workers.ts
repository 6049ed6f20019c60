import { spawn } from 'node:child_process';

/**
 * `bun run worker` processes (the queue workers without a web server) pointed at this run's
 * database and simulators through the environment, as a deployment configures them.
 */
export function spawnWorkers(count: number, urls: { simUrl: string; carrierUrl: string }) {
  return Array.from({ length: count }, () =>
    spawn('bun', ['--preload', './scripts/lib/server-runtime.ts', 'scripts/worker.ts'], {
      env: {
        ...process.env,
        TIKTOK_API_BASE_URL: urls.simUrl, TIKTOK_AUTH_BASE_URL: urls.simUrl,
        SHIPPO_BASE_URL: urls.carrierUrl, EASYPOST_BASE_URL: `${urls.carrierUrl}/v2/`,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  );
}
