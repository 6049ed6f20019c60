import { readdirSync } from 'node:fs';
import path from 'node:path';
import { EmailPropsError, renderEmail } from '@/lib/email/render-email';
import { emailPropsSchemas, emailTemplateNames, type EmailProps, type EmailTemplateName } from '@/lib/email/schemas';
import { emailTemplates } from '@/lib/email/templates';

const previewPropsOf = <N extends EmailTemplateName>(name: N) => emailTemplates[name].component.PreviewProps;

describe('email templates', () => {
  it('registers every template file in emails/ and nothing else', () => {
    const files = readdirSync(path.join(__dirname, '../../../emails'))
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => file.replace(/\.tsx$/, ''))
      .sort();
    expect(Object.keys(emailTemplates).sort()).toEqual(files);
    expect([...emailTemplateNames].sort()).toEqual(files);
  });

  it.each(emailTemplateNames)('%s: preview props satisfy the job schema', (name) => {
    expect(emailPropsSchemas[name].safeParse(previewPropsOf(name)).success).toBe(true);
  });

  it.each(emailTemplateNames)('%s renders HTML and plain text (snapshot)', async (name) => {
    const email = await renderEmail(name, previewPropsOf(name));
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('Creator<span');
    expect(email.text).not.toMatch(/<[a-z][^>]*>/i);
    expect(email.subject).toMatchSnapshot('subject');
    expect(email.html).toMatchSnapshot('html');
    expect(email.text).toMatchSnapshot('text');
  });
});

describe('renderEmail content', () => {
  it('order-shipped: subject, tracking number, link and ETA reach the plain text', async () => {
    const email = await renderEmail('order-shipped', previewPropsOf('order-shipped'));
    expect(email.subject).toBe('Your order #576829104738291045 from Maya Makes Candles has shipped');
    expect(email.text).toContain('9400111899223344556677');
    expect(email.text).toContain(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677',
    );
    expect(email.text).toContain('USPS Ground Advantage');
    expect(email.text).toContain('Fri, Nov 28, 2025');
    expect(email.text).toMatch(/Total\s+\$60\.00/);
    expect(email.html).toContain(
      'href="https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677"',
    );
  });

  it('formats money from minor units in the currency given', async () => {
    const props = { ...previewPropsOf('payout-processed'), currency: 'JPY', amountCents: 125000, orders: [] };
    const email = await renderEmail('payout-processed', props);
    expect(email.subject).toBe('Your payout of ¥125,000 is on its way');
    const usd = await renderEmail('payout-processed', previewPropsOf('payout-processed'));
    expect(usd.subject).toBe('Your payout of $11,816.02 is on its way');
    expect(usd.text).toContain('Nov 10 – Nov 23, 2025');
    expect(usd.text).toContain('…and 211 more orders.');
  });

  it('weekly report shows week-over-week change and handles an empty previous week', async () => {
    const base = previewPropsOf('weekly-performance-report');
    const email = await renderEmail('weekly-performance-report', base);
    expect(email.subject).toBe('Your week: 312 orders, $8,420.50 revenue (+12.1%)');
    expect(email.text).toContain('+12.2% vs last week');
    const firstWeek = await renderEmail('weekly-performance-report', {
      ...base,
      orders: { current: 5, previous: 0 },
      revenueCents: { current: 12000, previous: 0 },
      topVideo: null,
      topProducts: [],
    });
    expect(firstWeek.subject).toBe('Your week: 5 orders, $120.00 revenue (new)');
    expect(firstWeek.text).toContain('No sales this week.');
    expect(firstWeek.text).not.toContain('Top video');
  });

  it('pipeline-error links to the failed job and names the order', async () => {
    const email = await renderEmail('pipeline-error', previewPropsOf('pipeline-error'));
    expect(email.subject).toBe('Action needed: Buying a shipping label failed for order #576829104738291045');
    expect(email.text).toContain('https://app.creatorflow.dev/admin/jobs/failed/9f1c2b7e');
    expect(email.text).toContain('ADDRESS_INVALID');
    expect(email.text).toContain('shipping.buy-label');
  });

  it('low-stock-alert puts the most urgent SKU first', async () => {
    const email = await renderEmail('low-stock-alert', previewPropsOf('low-stock-alert'));
    expect(email.subject).toBe('Low stock: CNDL-AMB-08 and 1 more SKU running out');
    expect(email.text.indexOf('CNDL-AMB-08')).toBeLessThan(email.text.indexOf('ACC-WT-BR'));
    expect(email.text).toMatch(/CNDL-AMB-08\s+46\s+1 day\s+31\.6\s+650/);
  });

  it('low-stock-alert: a SKU with no sales in the last week comes last and says so instead of a cover', async () => {
    const base = previewPropsOf('low-stock-alert') as EmailProps<'low-stock-alert'>;
    const quiet = { ...base.items[0]!, sku: 'QUIET-01', daysOfCover: null, velocityPerDay: 0, suggestedReorder: 0 };
    const email = await renderEmail('low-stock-alert', { ...base, items: [quiet, ...base.items] });
    expect(email.subject).toBe('Low stock: CNDL-AMB-08 and 2 more SKUs running out');
    expect(email.text.indexOf('ACC-WT-BR')).toBeLessThan(email.text.indexOf('QUIET-01'));
    expect(email.text).toMatch(/QUIET-01\s+46\s+no recent sales\s+0\s+0/);
    const alone = await renderEmail('low-stock-alert', { ...base, items: [quiet] });
    expect(alone.text).toContain('below its low-stock threshold');
    expect(alone.text).not.toContain('days of cover');
  });

  it('team-invitation has no preferences link (the invitee has no account yet)', async () => {
    const email = await renderEmail('team-invitation', previewPropsOf('team-invitation'));
    expect(email.subject).toBe('Maya Chen invited you to Maya Makes Candles on CreatorFlow');
    expect(email.text).not.toContain('Manage email preferences');
    expect(email.text).toContain('https://app.creatorflow.dev/invitations/accept?token=inv_preview_3f9a');
  });

  it('every other template carries the manage-preferences link', async () => {
    for (const name of emailTemplateNames.filter((n) => n !== 'team-invitation')) {
      const email = await renderEmail(name, previewPropsOf(name));
      expect(email.text).toContain('Manage email preferences');
    }
  });

  it('rejects bad props with the field at fault', async () => {
    const bad = { ...previewPropsOf('order-shipped'), trackingUrl: 'javascript:alert(1)', currency: 'usd' };
    const attempt = renderEmail('order-shipped', bad);
    await expect(attempt).rejects.toBeInstanceOf(EmailPropsError);
    await expect(attempt).rejects.toThrow(/trackingUrl/);
    await expect(attempt).rejects.toThrow(/currency/);
  });
});
