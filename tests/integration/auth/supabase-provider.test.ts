import { decodeJwt, jwtVerify } from 'jose';
import { sql } from 'drizzle-orm';
import { startSupabaseAuthStandIn, type SupabaseAuthStandIn } from '@/sandbox/supabase-auth/server';

/**
 * The Supabase Auth path of getSession()/signUp()/logIn()/logOut(), run for real against a local
 * stand-in of the GoTrue endpoints supabase-js calls. Only Next's request cookie store is replaced
 * (by an in-memory jar), since there is no HTTP request here.
 */
const jar = new Map<string, string>();
jest.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar.entries()].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void (value ? jar.set(name, value) : jar.delete(name)),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers(),
}));

const ANON_KEY = 'stand-in-anon-key';
let standIn: SupabaseAuthStandIn;
let auth: typeof import('@/lib/auth/session');
let db: typeof import('@/lib/db');

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({ databaseUrl: process.env.DATABASE_URL!, anonKey: ANON_KEY });
  process.env.NEXT_PUBLIC_SUPABASE_URL = standIn.url;
  process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = ANON_KEY;
  auth = await import('@/lib/auth/session');
  db = await import('@/lib/db');
});

afterAll(async () => {
  await standIn.close();
  await db.closeDb();
});

beforeEach(() => jar.clear());

const email = () => `supa-${crypto.randomUUID().slice(0, 8)}@test.creatorflow.dev`;

test('sign-up goes through Supabase Auth, stores its session cookie and bootstraps the account', async () => {
  const address = email();
  const session = await auth.signUp({ email: address, password: 'supabase password 1', fullName: 'Sam', accountName: 'Sam Studio' });
  expect(session.provider).toBe('supabase');
  expect([...jar.keys()].some((name) => name.startsWith('sb-') && name.includes('auth-token'))).toBe(true);

  const again = await auth.getSession();
  expect(again).toMatchObject({ provider: 'supabase', userId: session.userId, email: address, isOps: false });
  const rows = await db.withRls(again!.claims, (tx) =>
    tx.execute<{ name: string; role: string }>(sql`select a.name, m.role from accounts a join account_members m on m.account_id = a.id`),
  );
  expect(rows.rows).toEqual([{ name: 'Sam Studio', role: 'owner' }]);
});

test('the session JWT is Supabase-shaped and verifies against the project secret', async () => {
  await auth.signUp({ email: email(), password: 'supabase password 2', fullName: 'Jo', accountName: 'Jo Co' });
  // @supabase/ssr splits a large session cookie into chunks (…-auth-token.0, .1, …).
  const cookie = [...jar.entries()]
    .filter(([name]) => /-auth-token(\.\d+)?$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, value]) => value)
    .join('');
  const raw = cookie.startsWith('base64-') ? Buffer.from(cookie.slice(7), 'base64url').toString() : cookie;
  const accessToken = JSON.parse(raw).access_token as string;
  await expect(jwtVerify(accessToken, new TextEncoder().encode(standIn.jwtSecret))).resolves.toBeDefined();
  const claims = decodeJwt(accessToken);
  expect(claims).toMatchObject({ aud: 'authenticated', role: 'authenticated', aal: 'aal1', iss: `${standIn.url}/auth/v1` });
  expect(typeof claims.session_id).toBe('string');
});

test('log-in with the right password works, a wrong one is refused, log-out ends the session', async () => {
  const address = email();
  await auth.signUp({ email: address, password: 'supabase password 3', fullName: 'Al', accountName: 'Al Co' });
  jar.clear();
  expect(await auth.getSession()).toBeNull();

  await expect(auth.logIn({ email: address, password: 'wrong password' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  const session = await auth.logIn({ email: address, password: 'supabase password 3' });
  expect((await auth.getSession())?.userId).toBe(session.userId);

  await auth.logOut();
  expect(await auth.getSession()).toBeNull();
});

test('signing up twice with one email is a conflict', async () => {
  const address = email();
  await auth.signUp({ email: address, password: 'supabase password 4', fullName: 'B', accountName: 'B Co' });
  jar.clear();
  await expect(auth.signUp({ email: address, password: 'supabase password 4', fullName: 'B', accountName: 'B2' })).rejects.toMatchObject({
    code: 'CONFLICT',
  });
});
