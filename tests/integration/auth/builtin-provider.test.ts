import { sql } from 'drizzle-orm';
import { builtinLogIn, builtinSignUp } from '@/lib/auth/builtin-provider';
import { verifySessionToken } from '@/lib/auth/jwt';
import { asSystem, closeDb, withRls } from '@/lib/db';
import { env } from '@/lib/env';

afterAll(() => closeDb());

const unique = () => `creator-${crypto.randomUUID().slice(0, 8)}@test.creatorflow.dev`;

test('sign-up stores an argon2id hash and makes the user owner of a new account', async () => {
  const email = unique();
  const issued = await builtinSignUp({ email, password: 'correct horse battery', fullName: 'Ana', accountName: 'Ana Beauty' });
  const stored = await asSystem((tx) => tx.execute<{ encrypted_password: string }>(sql`select encrypted_password from auth.users where email = ${email}`));
  expect(stored.rows[0]!.encrypted_password).toMatch(/^\$argon2id\$/);
  const verified = await verifySessionToken(issued.token, env.AUTH_JWT_SECRET);
  expect(verified?.claims.sub).toBe(issued.claims.sub);
  const membership = await withRls(issued.claims, (tx) =>
    tx.execute<{ role: string; name: string }>(sql`select m.role, a.name from account_members m join accounts a on a.id = m.account_id`),
  );
  expect(membership.rows).toEqual([{ role: 'owner', name: 'Ana Beauty' }]);
});

test('a second sign-up with the same email (any case) is a conflict and creates nothing', async () => {
  const email = unique();
  await builtinSignUp({ email, password: 'correct horse battery', fullName: 'A', accountName: 'First' });
  await expect(
    builtinSignUp({ email: email.toUpperCase().toLowerCase(), password: 'another password!', fullName: 'B', accountName: 'Second' }),
  ).rejects.toMatchObject({ code: 'CONFLICT' });
  const accounts = await asSystem((tx) => tx.execute(sql`select 1 from accounts where name = 'Second'`));
  expect(accounts.rows).toHaveLength(0);
});

test('log-in accepts the right password and refuses a wrong one with the same message as an unknown email', async () => {
  const email = unique();
  await builtinSignUp({ email, password: 'correct horse battery', fullName: 'C', accountName: 'C Co' });
  await expect(builtinLogIn({ email, password: 'correct horse battery' }, '10.0.0.1')).resolves.toHaveProperty('token');
  const wrong = await builtinLogIn({ email, password: 'wrong password' }, '10.0.0.1').catch((e: Error) => e.message);
  const unknown = await builtinLogIn({ email: unique(), password: 'wrong password' }, '10.0.0.1').catch((e: Error) => e.message);
  expect(wrong).toBe('Email or password is incorrect');
  expect(unknown).toBe(wrong);
});

test('after too many failures the login is refused even with the right password', async () => {
  const email = unique();
  await builtinSignUp({ email, password: 'correct horse battery', fullName: 'D', accountName: 'D Co' });
  for (let attempt = 0; attempt < env.AUTH_LOGIN_MAX_FAILURES; attempt += 1) {
    await expect(builtinLogIn({ email, password: `wrong-${attempt}` }, null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  }
  await expect(builtinLogIn({ email, password: 'correct horse battery' }, null)).rejects.toMatchObject({
    code: 'LIMIT_EXCEEDED',
  });
});
