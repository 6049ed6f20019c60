import type { Metadata } from 'next';
import { PageHeader } from '@/components/shared/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getAccountContext } from '@/lib/accounts';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const context = await getAccountContext('/settings');
  return (
    <>
      <PageHeader title="Settings" description="Your account, shops, carriers and team." />
      <Card>
        <CardHeader>
          <CardTitle data-testid="account-name">{context.accountName}</CardTitle>
          <CardDescription>
            You are <Badge variant="secondary">{context.role}</Badge> of this account.
          </CardDescription>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">Account id: {context.accountId}</CardContent>
      </Card>
    </>
  );
}
