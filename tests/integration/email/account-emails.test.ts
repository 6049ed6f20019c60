import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import {
  enqueueCreatorWelcomeEmail,
  enqueueLowStockAlertEmail,
  enqueuePayoutProcessedEmail,
  enqueuePipelineErrorEmail,
  enqueueShopAuthorizationExpiringEmail,
  enqueueTeamInvitationEmail,
  enqueueWeeklyPerformanceReportEmail,
  getAccountEmailOrThrow,
  listAccountEmails,
  unsafeListOutbox,
} from '@/lib/email';
import { sendEmailJob } from '@/lib/email/jobs/send-email.job';
import { emailTemplates } from '@/lib/email/templates';
import { getReadyBoss, startWorkers, stopQueueRuntime } from '@/lib/queue/runtime';
import { addMember, createTenant, type TestTenant } from '@/tests/factories/tenants';
import { insertOrders, insertShop, waitFor } from '../billing/fixtures';

/**
 * Every enqueue helper other domains call, against real rows: recipients as documented (owners,
 * the new creator, the invitee), props the templates accept, and the outbox lists per account
 * (RLS) and for ops.
 */
let tenant: TestTenant;
let coOwner: TestTenant;

beforeAll(async () => {
  await getReadyBoss();
  tenant = await createTenant('Helpers');
  coOwner = await createTenant('Co Owner');
  await addMember(tenant.accountId, coOwner.userId, 'owner');
});

afterAll(async () => {
  await stopQueueRuntime();
  await closeDb();
});

test('each helper queues its email, and the worker delivers all of them to the right people', async () => {
  const { accountId } = tenant;
  const preview = <N extends keyof typeof emailTemplates>(name: N) =>
    emailTemplates[name].component.PreviewProps;
  const results = await asSystem(async (tx) => {
    const shopId = await insertShop(tx, accountId, 'Glow Lab US');
    await tx.execute(
      sql`update public.tiktok_shops set authorization_expires_at = now() + interval '5 days' where id = ${shopId}`,
    );
    const [orderId] = await insertOrders(tx, { accountId, shopId, count: 1 });
    const { preferencesUrl: _p, dashboardUrl: _d, ...payoutProps } = preview('payout-processed');
    const { preferencesUrl: _q, dashboardUrl: _e, ...weeklyProps } = preview('weekly-performance-report');
    return [
      await enqueueCreatorWelcomeEmail(tx, { accountId, userId: tenant.userId }),
      await enqueueTeamInvitationEmail(tx, {
        accountId,
        invitationId: crypto.randomUUID(),
        inviterName: 'Maya Chen',
        role: 'packer',
        inviteeEmail: 'new.packer@example.com',
        acceptUrl: 'http://localhost:3000/invitations/abc',
        expiresAt: '2030-01-01T00:00:00Z',
      }),
      await enqueuePipelineErrorEmail(tx, {
        accountId,
        jobName: 'shipping.buy-label',
        jobId: crypto.randomUUID(),
        failedStep: 'Buying a shipping label',
        errorCode: 'ADDRESS_INVALID',
        errorMessage: 'The carrier could not verify the delivery address.',
        attempts: 8,
        orderId,
      }),
      await enqueueLowStockAlertEmail(tx, {
        accountId,
        alertKey: 'CNDL-AMB-08:2025-11-24',
        items: preview('low-stock-alert').items,
      }),
      await enqueueShopAuthorizationExpiringEmail(tx, { accountId, shopId }),
      await enqueuePayoutProcessedEmail(tx, { accountId, props: payoutProps }),
      await enqueueWeeklyPerformanceReportEmail(tx, { accountId, props: weeklyProps }),
    ];
  });
  expect(results.every((result) => result.enqueued)).toBe(true);

  await startWorkers([sendEmailJob]);
  const rows = await waitFor('seven sent emails', async () => {
    const emails = await asSystem((tx) =>
      tx.execute<{ template: string; status: string; to_addresses: string[] }>(sql`
        select template, status, to_addresses from public.email_outbox where account_id = ${accountId} order by template`),
    );
    return emails.rows.length === 7 && emails.rows.every((row) => row.status === 'sent')
      ? emails.rows
      : undefined;
  });
  const owners = [tenant.email, coOwner.email].map((email) => email.toLowerCase());
  const to = Object.fromEntries(rows.map((row) => [row.template, row.to_addresses]));
  expect(to).toEqual({
    'creator-welcome': [tenant.email.toLowerCase()],
    'team-invitation': ['new.packer@example.com'],
    'pipeline-error': owners,
    'low-stock-alert': owners,
    'shop-authorization-expiring': owners,
    'payout-processed': owners,
    'weekly-performance-report': owners,
  });
});

test("the per-account list shows only the account's emails; ops see every tenant's", async () => {
  const mine = await listAccountEmails({ accountId: tenant.accountId, claims: tenant.claims });
  expect(mine).toHaveLength(7);
  const theirs = await listAccountEmails({
    accountId: tenant.accountId,
    claims: (await createTenant('Nosy')).claims,
  });
  expect(theirs).toHaveLength(0);

  const email = await getAccountEmailOrThrow(
    { accountId: tenant.accountId, claims: tenant.claims },
    mine[0]!.id,
  );
  expect(email.html).toMatch(/^<!DOCTYPE html/);
  await expect(
    getAccountEmailOrThrow({ accountId: coOwner.accountId, claims: coOwner.claims }, mine[0]!.id),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' });

  const all = await unsafeListOutbox();
  expect(all.filter((row) => row.accountId === tenant.accountId)).toHaveLength(7);
  expect(all.find((row) => row.accountId === tenant.accountId)?.accountName).toMatch(/^Helpers/);
});
