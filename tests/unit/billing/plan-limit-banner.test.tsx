import { renderToStaticMarkup } from 'react-dom/server';
import { PlanLimitBannerView } from '@/components/billing/plan-limit-banner';

const resetsOn = new Date('2025-12-01T00:00:00Z');

describe('PlanLimitBannerView', () => {
  it('over the allowance: says how far over, that orders keep arriving, and offers the upgrade to owners', () => {
    const html = renderToStaticMarkup(
      <PlanLimitBannerView
        reason="over_allowance"
        planName="Starter"
        used={301}
        allowance={300}
        resetsOn={resetsOn}
        canManageBilling
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Plan limit reached');
    expect(html).toContain('301 of 300 orders on the Starter plan');
    expect(html).toContain('paused until Dec 1, 2025');
    expect(html).toContain('orders keep arriving');
    expect(html).toMatch(/href="\/settings\/billing"[^>]*>Upgrade</);
  });

  it('without a plan: asks to choose one; members who cannot pay are sent to look, not to buy', () => {
    const html = renderToStaticMarkup(
      <PlanLimitBannerView
        reason="no_plan"
        planName={null}
        used={3}
        allowance={0}
        resetsOn={resetsOn}
        canManageBilling={false}
      />,
    );
    expect(html).toContain('Choose a plan');
    expect(html).toContain('until this account has a plan');
    expect(html).toMatch(/>See billing</);
  });
});
