import { expect, test } from '@playwright/test';
import { Client } from 'pg';
import { DEMO, expectNoSeriousA11yViolations, keepScreenshot, logInViaApi, OPS } from './helpers';

// The e2e stack (scripts/e2e-server.ts) runs without Stripe or Resend keys: billing shows the
// local plan and emails land in the outbox. Its embedded Postgres port derives from E2E_PORT the
// same way the server script derives it.
const appPort = Number(process.env.E2E_PORT ?? 3100);
const pgPort = 54330 + Math.max(0, Math.round((appPort - 3100) / 100)) * 10;
const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`;

test('the billing page says billing is not configured and shows the local plan with its usage', async ({
  page,
}) => {
  await logInViaApi(page, DEMO);
  await page.goto('/settings/billing');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(page.getByTestId('billing-not-configured')).toContainText('Billing is not configured');
  await expect(page.getByTestId('current-plan')).toHaveText('Local');
  await expect(page.getByRole('progressbar', { name: 'Orders this period' })).toBeVisible();
  await expect(page.getByTestId('usage-count')).toContainText('of 100,000 orders');
  // Nothing to buy on a deployment that cannot sell.
  await expect(page.getByRole('button', { name: /Upgrade to/ })).toHaveCount(0);
  await expect(page.getByTestId('plan-limit-banner')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await keepScreenshot(page, 'settings-billing');
});

test('an owner turns a notification category off and back on', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/settings/notifications');
  const payouts = page.getByRole('checkbox', { name: /Payouts/ });
  await expect(payouts).toBeChecked();
  await payouts.uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Notification settings saved.');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Payouts/ })).not.toBeChecked();
  await page.getByRole('checkbox', { name: /Payouts/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Notification settings saved.');
  await expectNoSeriousA11yViolations(page);
  await keepScreenshot(page, 'settings-notifications');
});

test('ops open the outbox and read a rendered email; the account sees it under Sent emails', async ({
  browser,
}) => {
  // A delivered outbox row for the demo account, as the send job leaves it without a Resend key.
  const subject = `Outbox check ${crypto.randomUUID().slice(0, 8)}`;
  const db = new Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `insert into public.email_outbox (account_id, template, category, to_addresses, subject, html, text,
         idempotency_key, status, provider, sent_at)
       select a.id, 'creator-welcome', 'account', array['demo@creatorflow.dev'], $1,
         '<!DOCTYPE html><html><body><h1>Welcome to CreatorFlow</h1><p>Rendered body for the e2e check.</p></body></html>',
         'Welcome to CreatorFlow', $2, 'sent', 'outbox', now()
       from public.accounts a where a.name = 'Glow Lab Demo'`,
      [subject, `e2e:${subject}`],
    );
  } finally {
    await db.end();
  }

  // Own contexts per person: axe needs pages opened through browser.newContext().
  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await logInViaApi(ops, OPS);
  await ops.goto('/admin/outbox');
  await expect(ops.getByRole('heading', { name: 'Email outbox' })).toBeVisible();
  await ops.getByRole('link', { name: subject }).click();
  await expect(ops.getByText(subject).first()).toBeVisible();
  const frame = ops.frameLocator('[data-testid="email-html"]');
  await expect(frame.getByRole('heading', { name: 'Welcome to CreatorFlow' })).toBeVisible();
  await expect(ops.getByTestId('email-html')).toHaveAttribute('sandbox', '');
  await keepScreenshot(ops, 'admin-outbox-email');
  await ops.goto('/admin/outbox');
  await expectNoSeriousA11yViolations(ops);
  await keepScreenshot(ops, 'admin-outbox');
  await opsContext.close();

  const demoContext = await browser.newContext();
  const demo = await demoContext.newPage();
  await logInViaApi(demo, DEMO);
  await demo.goto('/settings/emails');
  await expect(demo.getByRole('link', { name: subject })).toBeVisible();
  await expectNoSeriousA11yViolations(demo);
  await keepScreenshot(demo, 'settings-emails');
  await demoContext.close();
});

test('tenants do not get the ops outbox', async ({ page }) => {
  await logInViaApi(page, DEMO);
  const response = await page.goto('/admin/outbox');
  expect(response?.status()).toBe(404);
});
