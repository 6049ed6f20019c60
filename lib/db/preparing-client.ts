import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A node-postgres client that prepares every parameterised statement once per connection.
 *
 * node-postgres sends an unnamed statement (Parse → Bind → Execute) by default, so Postgres parses,
 * analyses and plans each query every time it runs. For the short statements of the order pipeline
 * that work is most of Postgres's CPU (a `perf` profile of the pipeline benchmark is led by the
 * parser, the catalogue caches and the planner). Naming the statement after a hash of its text lets
 * node-postgres skip the Parse on every later use on the same connection, and Postgres reuse the
 * plan (postgres.js and pgx do the same by default).
 *
 * Only statements with parameters are named: those already use the extended protocol, so nothing
 * else changes for them, while parameterless text (migrations, `begin`, multi-statement scripts) keeps
 * the simple protocol. A connection prepares at most MAX_PREPARED distinct statements; texts that
 * differ with every call (long `in (…)` lists) then run unnamed, so server memory stays bounded.
 *
 * Its connections plan prepared statements generically (`plan_cache_mode=force_generic_plan`, a
 * startup option). By default Postgres plans a prepared statement afresh for each of its first five
 * runs on a connection, and only then weighs a reusable plan. The pipeline's statements are batches
 * that run a few times per connection, on connections the pool opens as a burst begins, so nearly
 * every run was planned: 0.6 ms of planning per order (`bench:pipeline --profile`), a tenth of
 * Postgres's CPU. Their parameters are mostly batches (`jsonb_to_recordset($1)`) and keys, whose
 * estimates do not depend on the values, so the generic plan is the one those runs would lead to.
 *
 * A prepared plan can go stale: a migration that changes what `select *` returns makes Postgres answer
 * "cached plan must not change result type". That statement fails once (the job retries it); the
 * connection then prepares everything again under fresh names.
 */
const MAX_PREPARED = 2_000;

type QueryConfig = { text: string; values?: unknown[]; name?: string; submit?: unknown };

/** Errors after which the connection's prepared statements cannot be trusted. */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

const hashes = new Map<string, string>();

function textHash(text: string): string {
  let hash = hashes.get(text);
  if (!hash) {
    hash = createHash('sha1').update(text).digest('base64url');
    if (hashes.size < 50_000) hashes.set(text, hash);
  }
  return hash;
}

const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

export class PreparingClient extends pg.Client {
  private prepared = new Set<string>();
  /** Bumped when Postgres reports a stale prepared statement: every name changes with it. */
  private generation = 0;

  constructor(config?: string | pg.ClientConfig) {
    const given = typeof config === 'string' ? { connectionString: config } : (config ?? {});
    super({ ...given, options: given.options ? `${given.options} ${GENERIC_PLANS}` : GENERIC_PLANS });
  }

  // node-postgres's query() has many overloads; this only rewrites its first argument.
  override query(...args: unknown[]): never {
    const [config, values] = args;
    const named = this.nameFor(config, values);
    if (!named) return (super.query as (...rest: unknown[]) => never)(...args);
    args[0] = named;
    const result = (super.query as (...rest: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code === 'string' && STALE_STATEMENT_CODES.has(code)) {
          this.generation += 1;
          this.prepared.clear();
        }
      });
    }
    return result as never;
  }

  private nameFor(config: unknown, values: unknown): QueryConfig | null {
    if (typeof config === 'string') {
      return Array.isArray(values) && values.length > 0 ? this.withName({ text: config }) : null;
    }
    if (!config || typeof config !== 'object') return null;
    const query = config as QueryConfig;
    // Submittables (cursors, streams) and statements already named are left as they are.
    if (typeof query.submit === 'function' || query.name || typeof query.text !== 'string') return null;
    const hasValues = (Array.isArray(query.values) && query.values.length > 0) || (Array.isArray(values) && values.length > 0);
    return hasValues ? this.withName(query) : null;
  }

  private withName(query: QueryConfig): QueryConfig | null {
    const name = `cf${this.generation}_${textHash(query.text)}`;
    if (!this.prepared.has(name)) {
      if (this.prepared.size >= MAX_PREPARED) return null;
      this.prepared.add(name);
    }
    return { ...query, name };
  }
}
