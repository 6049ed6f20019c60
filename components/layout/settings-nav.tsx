'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

const LINKS = [
  { href: '/settings', label: 'Account' },
  { href: '/settings/shops', label: 'Shops' },
  { href: '/settings/automation', label: 'Automation' },
  { href: '/settings/billing', label: 'Billing' },
  { href: '/settings/notifications', label: 'Notifications' },
  { href: '/settings/emails', label: 'Sent emails' },
] as const;

/** Tabs across every settings page; the current one is read from the URL. */
export function SettingsNav() {
  const pathname = usePathname();
  const current = [...LINKS].reverse().find((link) => pathname === link.href || pathname.startsWith(`${link.href}/`));
  return (
    <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-1 border-b">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === current?.href ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground',
            link.href === current?.href && 'border-brand text-foreground',
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
