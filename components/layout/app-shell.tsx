import { Package } from 'lucide-react';
import Link from 'next/link';
import type { AccountContext, Membership } from '@/lib/accounts';
import { IdentifyAnalytics } from '@/lib/analytics/client';
import { AccountSwitcher } from './account-switcher';
import { LogoutButton } from './logout-button';
import { SidebarNav } from './sidebar-nav';

export function AppShell({
  context,
  memberships,
  email,
  banner,
  children,
}: {
  context: AccountContext;
  memberships: Membership[];
  email: string | null;
  /** Account-wide notices above every page (e.g. automatic labels paused by the plan limit). */
  banner?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col gap-6 border-r border-sidebar-border bg-sidebar p-4">
        <Link href="/orders" className="flex items-center gap-2 px-2 text-lg font-semibold">
          <Package className="size-5 text-brand" aria-hidden /> CreatorFlow
        </Link>
        <AccountSwitcher memberships={memberships} currentId={context.accountId} />
        <SidebarNav showAdmin={context.isOps} />
        <div className="mt-auto space-y-2 border-t border-sidebar-border pt-4">
          <p className="truncate px-2 text-xs text-muted-foreground" title={email ?? undefined}>
            {email}
          </p>
          <LogoutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-8" id="main">
        <IdentifyAnalytics userId={context.userId} accountId={context.accountId} />
        {banner}
        {children}
      </main>
    </div>
  );
}
