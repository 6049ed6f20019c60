import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';
import { PlanLimitBanner } from '@/components/billing/plan-limit-banner';
import { AppShell } from '@/components/layout/app-shell';
import { getAccountContext, listMemberships } from '@/lib/accounts';
import { requireSession } from '@/lib/auth';

/** Ops staff only (app_metadata.platform_role = 'ops'); everyone else gets a plain 404. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession('/admin');
  if (!session.isOps) notFound();
  const [context, memberships] = await Promise.all([getAccountContext(), listMemberships(session)]);
  return (
    <AppShell
      context={context}
      memberships={memberships}
      email={session.email}
      banner={<PlanLimitBanner context={context} />}
    >
      <AdminNav />
      {children}
    </AppShell>
  );
}
