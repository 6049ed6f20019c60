import { sql } from 'drizzle-orm';
import { asSystem, closeDb, withRls } from '@/lib/db';
import {
  createResendTransport,
  EmailSendError,
  listNotificationPreferences,
  sendQueuedEmail,
  updateNotificationPreferences,
} from '@/lib/email';
import { emailTemplates } from '@/lib/email/templates';
import { PermanentJobError } from '@/lib/queue';
import { addMember, createTenant, type TestTenant } from '@/tests/factories/tenants';
import { ResendStandIn } from '@/tests/unit/email/resend-stand-in';

/**
 * sendQueuedEmail against real Postgres: notification preferences suppress (recorded, not sent),
 * and the Resend path through the official SDK against a local stand-in, at most once per key.
 */
let tenant: TestTenant;
let resend: ResendStandIn;
let transport: ReturnType<typeof createResendTransport>;

const payout = (idempotencyKey: string) => ({
  accountId: tenant.accountId,
  template: 'payout-processed' as const,
  to: tenant.email,
  props: emailTemplates['payout-processed'].component.PreviewProps,
  idempotencyKey,
});

const row = async (idempotencyKey: string) =>
  (
    await asSystem((tx) =>
      tx.execute<{
        status: string;
        provider: string | null;
        provider_message_id: string | null;
        html: string | null;
        attempts: number;
        error: string | null;
        sent_at: string | null;
      }>(sql`
        select status, provider, provider_message_id, html, attempts, error, sent_at from public.email_outbox where idempotency_key = ${idempotencyKey}`),
    )
  ).rows[0];

const key = (name: string) => `${name}:${crypto.randomUUID()}`;

beforeAll(async () => {
  tenant = await createTenant('Notify');
  resend = new ResendStandIn();
  transport = createResendTransport({
    apiKey: 're_test_key',
    baseUrl: await resend.start(),
    from: 'CreatorFlow <n@creatorflow.dev>',
  });
});

afterAll(async () => {
  await resend.stop();
  await closeDb();
});

describe('notification preferences', () => {
  test('every category starts enabled by default', async () => {
    const preferences = await withRls(tenant.claims, (tx) =>
      listNotificationPreferences(tx, tenant.accountId),
    );
    expect(preferences.map((p) => [p.category, p.enabled, p.isDefault])).toEqual([
      ['order_updates', true, true],
      ['payouts', true, true],
      ['weekly_report', true, true],
      ['pipeline_errors', true, true],
      ['low_stock', true, true],
      ['shop_connection', true, true],
    ]);
  });

  test('a switched-off category is recorded as suppressed and never sent', async () => {
    const owner = {
      accountId: tenant.accountId,
      userId: tenant.userId,
      role: 'owner' as const,
      claims: tenant.claims,
    };
    const saved = await updateNotificationPreferences(owner, { preferences: { payouts: false } });
    expect(saved.find((p) => p.category === 'payouts')).toMatchObject({ enabled: false, isDefault: false });

    const idempotencyKey = key('payout-processed');
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).resolves.toMatchObject({
      outcome: 'suppressed',
    });
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).resolves.toMatchObject({
      outcome: 'already_handled',
    });
    expect(await row(idempotencyKey)).toMatchObject({ status: 'suppressed', html: null, provider: null });
    expect(resend.requests).toHaveLength(0);

    await updateNotificationPreferences(owner, { preferences: { payouts: true } });
  });

  test('account emails cannot be switched off, and viewers cannot change preferences', async () => {
    const viewer = await createTenant('Viewer');
    await addMember(tenant.accountId, viewer.userId, 'viewer');
    await expect(
      updateNotificationPreferences(
        { accountId: tenant.accountId, userId: viewer.userId, role: 'viewer', claims: viewer.claims },
        { preferences: { order_updates: false } },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateNotificationPreferences(
        { accountId: tenant.accountId, userId: tenant.userId, role: 'owner', claims: tenant.claims },
        // @ts-expect-error 'account' is not a configurable category
        { preferences: { account: false } },
      ),
    ).rejects.toThrow();
  });
});

describe('delivery without Resend (the outbox is the delivery)', () => {
  test('the email is stored sent at once, with provider outbox, and a second run sends nothing', async () => {
    const idempotencyKey = key('payout-processed');
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport: null })).resolves.toMatchObject({ outcome: 'sent', status: 'sent' });
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport: null })).resolves.toMatchObject({ outcome: 'already_handled', status: 'sent' });
    const stored = await row(idempotencyKey);
    expect(stored).toMatchObject({ status: 'sent', provider: 'outbox', attempts: 1, provider_message_id: null });
    expect(typeof stored!.sent_at).toBe('string');
    expect(resend.requests.filter((request) => request.headers['idempotency-key'] === idempotencyKey)).toHaveLength(0);
  });
});

describe('delivery through Resend', () => {
  test('sends once with the idempotency key as Idempotency-Key, and records the provider id', async () => {
    const idempotencyKey = key('payout-processed');
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).resolves.toMatchObject({
      outcome: 'sent',
    });
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).resolves.toMatchObject({
      outcome: 'already_handled',
    });

    const sent = resend.requests.filter((request) => request.headers['idempotency-key'] === idempotencyKey);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ to: [tenant.email], from: 'CreatorFlow <n@creatorflow.dev>' });
    expect((sent[0]!.body as { subject: string }).subject).toBe('Your payout of $11,816.02 is on its way');
    const stored = await row(idempotencyKey);
    expect(stored).toMatchObject({ status: 'sent', provider: 'resend', attempts: 1 });
    expect(stored!.provider_message_id).toMatch(/^email_\d+$/);
  });

  test('a rate limit is retried (row stays queued), then the retry sends it', async () => {
    const idempotencyKey = key('payout-processed');
    resend.respondOnceWith(
      ResendStandIn.error(429, 'rate_limit_exceeded', 'Too many requests', { 'retry-after': '1' }),
    );
    const failure = await sendQueuedEmail(payout(idempotencyKey), { transport }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmailSendError);
    expect((failure as EmailSendError).retryable).toBe(true);
    expect(await row(idempotencyKey)).toMatchObject({ status: 'queued', attempts: 1 });

    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).resolves.toMatchObject({
      outcome: 'sent',
    });
    expect(await row(idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2, error: null });
  });

  test('a refusal no retry can fix fails the email for good', async () => {
    const idempotencyKey = key('payout-processed');
    resend.respondOnceWith(ResendStandIn.error(422, 'validation_error', 'The from domain is not verified'));
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).rejects.toBeInstanceOf(
      PermanentJobError,
    );
    expect(await row(idempotencyKey)).toMatchObject({ status: 'failed', provider: 'resend' });
    await expect(sendQueuedEmail(payout(idempotencyKey), { transport })).resolves.toMatchObject({
      outcome: 'already_handled',
      status: 'failed',
    });
  });

  test('invalid props are a permanent failure before anything is stored', async () => {
    const idempotencyKey = key('payout-processed');
    const bad = { ...payout(idempotencyKey), props: { firstName: 'Maya' } };
    await expect(sendQueuedEmail(bad, { transport })).rejects.toBeInstanceOf(PermanentJobError);
    expect(await row(idempotencyKey)).toBeUndefined();
  });
});
