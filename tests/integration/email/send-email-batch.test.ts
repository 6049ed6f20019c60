/**
 * The `email.send-email` batch path (sendQueuedEmails and the job's batchHandler) against real
 * Postgres: a batch records its emails in one transaction and keeps every promise of the one-by-one
 * path (a key recorded once, preferences, the account check); what needs a result of its own is
 * handed back to run alone, where it fails or is delivered exactly as before.
 */
import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import {
  createResendTransport,
  sendQueuedEmail,
  sendQueuedEmails,
  updateNotificationPreferences,
  type QueuedEmail,
} from '@/lib/email';
import { sendEmailJob } from '@/lib/email/jobs/send-email.job';
import { emailTemplates } from '@/lib/email/templates';
import { enqueueMany, PermanentJobError } from '@/lib/queue';
import { startWorkers, stopQueueRuntime } from '@/lib/queue/runtime';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { ResendStandIn } from '@/tests/unit/email/resend-stand-in';
import { waitFor } from '../billing/fixtures';
import { purgeQueuedJobs } from '../pipeline/support/commerce';

let maker: TestTenant;
/** Has switched off buyer shipping updates. */
let quiet: TestTenant;
let resend: ResendStandIn;
let resendUrl: string;

const key = (name: string) => `${name}:${crypto.randomUUID()}`;

const payout = (tenant: TestTenant, idempotencyKey: string): QueuedEmail => ({
  accountId: tenant.accountId,
  template: 'payout-processed',
  to: tenant.email,
  props: emailTemplates['payout-processed'].component.PreviewProps,
  idempotencyKey,
});

const shipped = (tenant: TestTenant, idempotencyKey: string): QueuedEmail => ({
  accountId: tenant.accountId,
  template: 'order-shipped',
  to: 'v8xk2q9@scs.tiktokw.us',
  props: emailTemplates['order-shipped'].component.PreviewProps,
  idempotencyKey,
});

type OutboxRow = {
  idempotency_key: string;
  account_id: string;
  status: string;
  provider: string | null;
  attempts: number;
  subject: string;
  html: string | null;
  to_addresses: string[];
  created_at: string;
};

const outbox = async (keys: string[]) =>
  (
    await asSystem((tx) =>
      tx.execute<OutboxRow>(sql`
        select idempotency_key, account_id, status, provider, attempts, subject, html, to_addresses, created_at::text
        from public.email_outbox where idempotency_key = any(${sql.param(keys)}::text[])`),
    )
  ).rows;

beforeAll(async () => {
  maker = await createTenant('Batch Maker');
  quiet = await createTenant('Quiet Shop');
  await updateNotificationPreferences(
    { accountId: quiet.accountId, userId: quiet.userId, role: 'owner', claims: quiet.claims },
    { preferences: { order_updates: false } },
  );
  resend = new ResendStandIn();
  resendUrl = await resend.start();
});

afterAll(async () => {
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await resend.stop();
  await closeDb();
});

test('one batch, every case: new, duplicate key, suppressed, already recorded, invalid, foreign key', async () => {
  const [fresh, suppressed, earlier, invalid, freshShipped] = [
    key('payout-processed'),
    key('order-shipped'),
    key('payout-processed'),
    key('payout-processed'),
    key('order-shipped'),
  ] as const;
  await sendQueuedEmail(payout(maker, earlier), { transport: null });
  const [before] = await outbox([earlier]);

  const batch: QueuedEmail[] = [
    payout(maker, fresh),
    payout(maker, fresh), // the same email twice in one batch
    shipped(quiet, suppressed), // quiet switched order updates off
    payout(maker, earlier), // recorded by an earlier run
    { ...payout(maker, invalid), props: { firstName: 'Maya' } }, // valid job shape, invalid props
    payout(quiet, fresh), // the key of another account's email of this very batch
    payout(quiet, earlier), // the key of another account's earlier email
    shipped(maker, freshShipped),
  ];
  const outcomes = await sendQueuedEmails(batch, { transport: null });

  expect(outcomes.map((outcome) => (outcome === 'one_by_one' ? outcome : outcome.outcome))).toEqual([
    'sent',
    'already_handled',
    'suppressed',
    'already_handled',
    'one_by_one',
    'one_by_one',
    'one_by_one',
    'sent',
  ]);
  const rows = new Map(
    (await outbox([fresh, suppressed, earlier, invalid, freshShipped])).map((row) => [
      row.idempotency_key,
      row,
    ]),
  );
  expect(rows.size).toBe(4); // nothing for the invalid email
  expect(rows.get(fresh)).toMatchObject({
    account_id: maker.accountId,
    status: 'sent',
    provider: 'outbox',
    attempts: 1,
    to_addresses: [maker.email],
  });
  expect(rows.get(fresh)!.subject).toBe('Your payout of $11,816.02 is on its way');
  expect(rows.get(fresh)!.html).toContain('$11,816.02');
  expect(rows.get(suppressed)).toMatchObject({
    account_id: quiet.accountId,
    status: 'suppressed',
    provider: null,
    html: null,
  });
  expect(rows.get(suppressed)!.subject).toMatch(/has shipped$/);
  expect(rows.get(freshShipped)).toMatchObject({
    status: 'sent',
    provider: 'outbox',
    to_addresses: ['v8xk2q9@scs.tiktokw.us'],
  });
  expect(rows.get(earlier)).toEqual(before);
  // Recorded in one transaction (now() is the transaction's start), not one per email.
  expect(new Set([fresh, suppressed, freshShipped].map((k) => rows.get(k)!.created_at)).size).toBe(1);
  expect(rows.get(fresh)!.created_at).not.toBe(before!.created_at);
  expect(outcomes[0]).toMatchObject({ status: 'sent' });
  expect(outcomes[3]).toMatchObject({ status: 'sent' });

  // Handed back, each fails alone, for good, with its own reason, and writes nothing.
  await expect(sendQueuedEmail(batch[4]!, { transport: null })).rejects.toThrow(PermanentJobError);
  await expect(sendQueuedEmail(batch[5]!, { transport: null })).rejects.toThrow(/belongs to another account/);
  await expect(sendQueuedEmail(batch[6]!, { transport: null })).rejects.toThrow(/belongs to another account/);
  expect(await outbox([invalid])).toEqual([]);
  expect((await outbox([fresh, earlier])).map((row) => row.account_id)).toEqual([
    maker.accountId,
    maker.accountId,
  ]);
});

test('with Resend, the batch records the emails as queued and leaves each delivery to its own run', async () => {
  const transport = createResendTransport({
    apiKey: 're_test_key',
    baseUrl: resendUrl,
    from: 'CreatorFlow <n@creatorflow.dev>',
  });
  const [first, second, suppressed] = [
    key('payout-processed'),
    key('payout-processed'),
    key('order-shipped'),
  ];
  const outcomes = await sendQueuedEmails(
    [payout(maker, first), payout(maker, second), shipped(quiet, suppressed)],
    { transport },
  );

  expect(outcomes.map((outcome) => (outcome === 'one_by_one' ? outcome : outcome.outcome))).toEqual([
    'one_by_one',
    'one_by_one',
    'suppressed',
  ]);
  expect((await outbox([first, second])).map((row) => [row.status, row.provider, row.attempts])).toEqual([
    ['queued', null, 0],
    ['queued', null, 0],
  ]);
  const sentFor = (k: string) =>
    resend.requests.filter((request) => request.headers['idempotency-key'] === k);
  expect(sentFor(first)).toHaveLength(0);

  await expect(sendQueuedEmail(payout(maker, first), { transport })).resolves.toMatchObject({
    outcome: 'sent',
  });
  await expect(sendQueuedEmail(payout(maker, first), { transport })).resolves.toMatchObject({
    outcome: 'already_handled',
  });
  expect(sentFor(first)).toHaveLength(1);
  expect(sentFor(suppressed)).toHaveLength(0);
  expect((await outbox([first]))[0]).toMatchObject({ status: 'sent', provider: 'resend', attempts: 1 });
});

test('from the queue: one fetch is one batch; the invalid job is dead-lettered alone, its neighbours recorded', async () => {
  await purgeQueuedJobs();
  const keys = [
    key('payout-processed'),
    key('payout-processed'),
    key('order-shipped'),
    key('payout-processed'),
  ];
  const invalid = key('payout-processed');
  const jobs = [
    payout(maker, keys[0]!),
    payout(maker, keys[1]!),
    { ...payout(maker, invalid), props: { firstName: 'Maya' } },
    shipped(maker, keys[2]!),
    payout(maker, keys[0]!), // a duplicate job
    payout(maker, keys[3]!),
  ];
  // Queued before the worker starts, and a single fetcher: its first fetch takes all six as one batch.
  await enqueueMany(
    'email.send-email',
    jobs.map((data) => ({ data })),
  );
  const oneFetcher: typeof sendEmailJob = {
    ...sendEmailJob,
    work: { ...sendEmailJob.work, localConcurrency: 1 },
  };
  await startWorkers([oneFetcher]);

  const allKeys = [...keys, invalid];
  await waitFor('every send job settled', async () => {
    const states = await asSystem((tx) =>
      tx.execute<{ state: string }>(sql`
        select state from pgboss.job where name = 'email.send-email' and data->>'idempotencyKey' = any(${sql.param(allKeys)}::text[])`),
    );
    return states.rows.length === jobs.length && states.rows.every((row) => row.state === 'completed');
  });
  await waitFor('the invalid job filed with the dead letters', async () => {
    const dead = await asSystem((tx) =>
      tx.execute(
        sql`select 1 from pgboss.job where name = 'email.send-email.dead' and data->'data'->>'idempotencyKey' = ${invalid}`,
      ),
    );
    return dead.rows.length === 1;
  });
  const settled = await asSystem((tx) =>
    tx.execute<{ retry_count: number }>(sql`
      select retry_count from pgboss.job where name = 'email.send-email' and data->>'idempotencyKey' = any(${sql.param(allKeys)}::text[])`),
  );
  expect(settled.rows.every((row) => row.retry_count === 0)).toBe(true);

  const rows = await outbox(allKeys);
  expect(rows.map((row) => row.idempotency_key).sort()).toEqual([...keys].sort());
  expect(rows.every((row) => row.status === 'sent' && row.provider === 'outbox')).toBe(true);
  expect(new Set(rows.map((row) => row.created_at)).size).toBe(1);
});
