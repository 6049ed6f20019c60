import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations, keepScreenshot, logInViaApi, RIVAL } from './helpers';

/**
 * The creator's journey, driven through the real flow: orders are placed in the TikTok Shop
 * simulator (which signs and delivers the webhooks), arrive in the open orders page without a
 * reload, and are worked from there: detail, packing slip, pick list, filters. Then inventory,
 * shipping and analytics, each checked with axe and kept as a screenshot.
 */
const appPort = Number(process.env.E2E_PORT ?? 3100);
const slot = Math.max(0, Math.round((appPort - 3100) / 100)) * 10; // same derivation as scripts/e2e-server.ts
const SIMULATOR = `http://127.0.0.1:${4101 + slot}`;
const BUYER = { first_name: 'Erin', last_name: `Endtoend${Date.now().toString(36)}` };

test.describe.configure({ mode: 'serial' });

async function placeOrders(request: APIRequestContext, count: number): Promise<void> {
  const response = await request.post(`${SIMULATOR}/__sandbox/orders`, { data: { count, buyer: BUYER } });
  expect(response.ok(), await response.text()).toBeTruthy();
}

const rows = (page: Page) => page.getByTestId('order-row').filter({ hasText: BUYER.last_name });

test('orders placed on TikTok Shop appear in the open orders page live', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 15_000 });

  await placeOrders(page.request, 3);
  // No reload: the stream invalidates the list, React Query refetches it.
  await expect(rows(page)).toHaveCount(3, { timeout: 60_000 });
  await expect(
    rows(page)
      .first()
      .getByText(/VIRAL|HIGH|MED|AUTO/),
  ).toBeVisible();
  await keepScreenshot(page, 'orders');
  await expectNoSeriousA11yViolations(page);
});

test('filters live in the URL; search finds the buyer; a bad query is a 400', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/orders');
  await page.getByRole('searchbox', { name: 'Search orders' }).fill(BUYER.last_name);
  await page.getByRole('searchbox', { name: 'Search orders' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`search=${BUYER.last_name}`));
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId('order-row')).toHaveCount(3);

  await page
    .getByRole('navigation', { name: 'Order status' })
    .getByRole('link', { name: /Cancelled/ })
    .click();
  await expect(page).toHaveURL(/status=CANCELLED/);
  await expect(page.getByText('No orders match these filters')).toBeVisible();

  const api = await page.request.get(
    `/api/orders?search=${BUYER.last_name}&limit=2&sort_by=total_amount&sort_order=asc`,
  );
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.pagination).toEqual({ page: 1, limit: 2, total: 3, total_pages: 2 });
  expect(body.summary.total_orders).toBe(3);
  expect(body.orders[0].total_amount).toBeLessThanOrEqual(body.orders[1].total_amount);
  const bad = await page.request.get('/api/orders?limit=500&status=SHIPPED');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
    'limit',
    'status.0',
  ]);
});

test('an order’s detail, its packing slip, and a pick list for a selection', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto(`/orders?search=${BUYER.last_name}`);
  await rows(page).first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Items' })).toBeVisible();
  await expect(page.getByText(`${BUYER.first_name} ${BUYER.last_name}`).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await keepScreenshot(page, 'order-detail');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Packing slip' }).click();
  await expect(page.getByRole('article', { name: /Packing slip for order/ })).toBeVisible();
  await keepScreenshot(page, 'packing-slip');
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/orders?search=${BUYER.last_name}`);
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Select every order on this page' }).click();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByText('3 selected')).toBeVisible();
  await bar.getByRole('link', { name: 'Pick list' }).click();
  await expect(page.getByRole('heading', { name: 'Pick list' })).toBeVisible();
  await expect(page.getByText(/units across 3 orders/)).toBeVisible();
  await keepScreenshot(page, 'pick-list');
  await expectNoSeriousA11yViolations(page);
});

test('another tenant cannot read the order, by API or by page', async ({ browser, page }) => {
  await logInViaApi(page, DEMO);
  const list = await (await page.request.get(`/api/orders?search=${BUYER.last_name}`)).json();
  const orderId: string = list.orders[0].id;
  expect((await page.request.get(`/api/orders/${orderId}`)).status()).toBe(200);

  const rivalContext = await browser.newContext();
  const rival = await rivalContext.newPage();
  await logInViaApi(rival, RIVAL);
  expect((await rival.request.get(`/api/orders/${orderId}`)).status()).toBe(404);
  expect((await (await rival.request.get(`/api/orders?search=${BUYER.last_name}`)).json()).orders).toEqual(
    [],
  );
  // The page streams behind a loading state, so its not-found arrives as content, not as a status.
  await rival.goto(`/orders/${orderId}`);
  await expect(rival.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  await expect(rival.getByText(list.orders[0].tiktok_order_id)).toHaveCount(0);
  await rivalContext.close();
});

for (const [path, heading, screenshot] of [
  ['/inventory', 'Inventory', 'inventory'],
  ['/shipping', 'Shipping', 'shipping'],
  ['/analytics', 'Analytics', 'analytics'],
] as const) {
  test(`${heading} renders from the database, accessibly`, async ({ page }) => {
    await logInViaApi(page, DEMO);
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Live|Connecting/ })).toBeVisible();
    await keepScreenshot(page, screenshot);
    await expectNoSeriousA11yViolations(page);
  });
}

test('the analytics report counts the orders just placed', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/analytics?range=24h');
  await expect(page.getByRole('link', { name: '24 hours' })).toHaveAttribute('aria-current', 'page');
  const card = page.locator('main dl > div').filter({ has: page.locator('dt', { hasText: /^Orders$/ }) });
  const orders = Number((await card.locator('dd').textContent())!.replace(/,/g, ''));
  expect(orders).toBeGreaterThanOrEqual(3);
});
