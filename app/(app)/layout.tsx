import { PlanLimitBanner } from '@/components/billing/plan-limit-banner';
import { AppShell } from '@/components/layout/app-shell';
import { getAccountContext, listMemberships } from '@/lib/accounts';
import { requireSession } from '@/lib/auth';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  const [context, memberships] = await Promise.all([getAccountContext(), listMemberships(session)]);
  return (
    <AppShell
      context={context}
      memberships={memberships}
      email={session.email}
      banner={<PlanLimitBanner context={context} />}
    >
      {children}
    </AppShell>
  );
}
