import type { Metadata } from 'next';
import { NotificationPreferencesForm } from '@/components/email/notification-preferences-form';
import { PageHeader } from '@/components/shared/page-header';
import { can, getAccountContext } from '@/lib/accounts';
import { withRls } from '@/lib/db';
import { listNotificationPreferences } from '@/lib/email';
import { saveNotificationPreferences } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const context = await getAccountContext('/settings/notifications');
  const preferences = await withRls(context.claims, (tx) =>
    listNotificationPreferences(tx, context.accountId),
  );
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Which emails this account sends. Welcome, team invitation and plan-limit emails always go out."
      />
      <NotificationPreferencesForm
        preferences={preferences.map(({ category, label, description, audience, enabled }) => ({
          category,
          label,
          description,
          audience,
          enabled,
        }))}
        canEdit={can(context.role, 'settings:manage')}
        action={saveNotificationPreferences}
      />
    </>
  );
}
