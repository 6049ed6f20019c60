import { shouldRotate, signSessionToken, verifySessionToken } from '@/lib/auth/jwt';

const SECRET = 'unit-test-secret-unit-test-secret-0123456789';
const NOW = 1_800_000_000;

test('a signed session verifies with Supabase-shaped claims', async () => {
  const token = await signSessionToken({ sub: 'user-1', email: 'a@b.co', app_metadata: { platform_role: 'ops' } }, SECRET, 3600, NOW);
  const verified = await verifySessionToken(token, SECRET, NOW + 10);
  expect(verified?.claims).toEqual({
    sub: 'user-1',
    email: 'a@b.co',
    role: 'authenticated',
    aud: 'authenticated',
    app_metadata: { platform_role: 'ops' },
  });
});

test('expired, tampered or foreign tokens do not verify', async () => {
  const token = await signSessionToken({ sub: 'user-1' }, SECRET, 3600, NOW);
  expect(await verifySessionToken(token, SECRET, NOW + 3601)).toBeNull();
  expect(await verifySessionToken(token, `${SECRET}x`, NOW)).toBeNull();
  const [header, payload, signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'admin' })).toString('base64url');
  expect(await verifySessionToken(`${header}.${forged}.${signature}`, SECRET, NOW)).toBeNull();
  expect(await verifySessionToken('not-a-jwt', SECRET, NOW)).toBeNull();
});

test('rotation starts once less than half of the lifetime is left', async () => {
  const verified = (await verifySessionToken(await signSessionToken({ sub: 'u' }, SECRET, 1000, NOW), SECRET, NOW))!;
  expect(shouldRotate(verified, NOW + 400)).toBe(false);
  expect(shouldRotate(verified, NOW + 600)).toBe(true);
});
