import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CPU time, from /proc (Linux; null elsewhere): the whole machine's busy and idle time, this
 * process's (every thread: the app, the simulators, the JIT compiler, the GC) and Postgres's. For
 * Postgres, the postmaster's own time, the time of its children that have exited (backends,
 * autovacuum workers) and of those still running. Of this process's, the share of its JIT compiler
 * threads (JavaScriptCore's `JITWorker` under Bun): code still being compiled and optimised, a
 * cost that falls, slowly, the longer the process runs.
 */
export type CpuSample = { busyMs: number; idleMs: number; benchMs: number; jitMs: number; postgresMs: number };

/** utime + stime of this process's threads whose name says JIT (fields 14–15 of its stat). */
function jitThreadTicks() {
  let ticks = 0;
  for (const task of readdirSync('/proc/self/task')) {
    try {
      if (!readFileSync(`/proc/self/task/${task}/comm`, 'utf8').includes('JIT')) continue;
      const fields = readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the thread ended since it was listed
    }
  }
  return ticks;
}

export function cpuSample(postgresDataDir: string): CpuSample | null {
  if (!existsSync('/proc/stat')) return null;
  const tickMs = 1000 / Number(execSync('getconf CLK_TCK').toString().trim() || 100);
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = ticks;
  /** utime, stime, cutime, cstime of a process (fields 14–17 of /proc/<pid>/stat). */
  const times = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
    } catch {
      return { own: 0, children: 0 }; // exited since it was listed
    }
  };
  const postmaster = Number(readFileSync(path.join(postgresDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const server = times(postmaster);
  const postgresTicks = server.own + server.children + children.reduce((sum, pid) => sum + times(pid).own, 0);
  const usage = process.cpuUsage();
  return {
    busyMs: (user + nice + system + irq + softirq + steal) * tickMs,
    idleMs: (idle + iowait) * tickMs,
    benchMs: (usage.user + usage.system) / 1000,
    jitMs: jitThreadTicks() * tickMs,
    postgresMs: postgresTicks * tickMs,
  };
}

export function cpuUsed(before: CpuSample | null, after: CpuSample | null) {
  if (!before || !after) return null;
  const busy = after.busyMs - before.busyMs;
  const idle = after.idleMs - before.idleMs;
  return { machineMs: busy, busyPercent: (100 * busy) / (busy + idle), benchMs: after.benchMs - before.benchMs, jitMs: after.jitMs - before.jitMs, postgresMs: after.postgresMs - before.postgresMs };
}
