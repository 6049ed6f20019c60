// bun run test — everything CI checks, in order: typecheck, lint, Jest (unit + integration on embedded
// Postgres), a production build, and Playwright against it. Ends with one line "N passed, M failed"
// (Jest + Playwright tests; a failed typecheck, lint or build counts as one failure each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : '1' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- two foreign report formats, read defensively
type Report = any;

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`━━ ${name} ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function countJson(file: string, read: (json: Report) => { passed: number; failed: number }): boolean {
  if (!existsSync(file)) return false;
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  return true;
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const bin = (name: string) => `node_modules/.bin/${name}`;

if (!step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) failed += 1;
if (!step('lint', bin('eslint'), ['.', '--max-warnings=0'])) failed += 1;

const jestCounts = (j: Report) => ({ passed: j.numPassedTests, failed: j.numFailedTests + j.numRuntimeErrorTestSuites });
step('jest', bin('jest'), ['--ci', '--selectProjects', 'unit', 'integration', '--json', '--outputFile=test-results/jest-results.json']);
if (!countJson('test-results/jest-results.json', jestCounts)) failed += 1;

if (step('build', bin('next'), ['build'])) {
  step('playwright', bin('playwright'), ['test']);
  const read = (j: Report) => ({
    passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
    failed: (j.stats?.unexpected ?? 0) + (j.errors?.length ?? 0),
  });
  if (!countJson('test-results/playwright-results.json', read)) failed += 1;
} else {
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
