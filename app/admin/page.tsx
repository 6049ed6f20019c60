import type { Metadata } from 'next';
import { PageHeader } from '@/components/shared/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { unsafeListTenants } from '@/lib/admin/list-tenants';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const tenants = await unsafeListTenants();
  return (
    <>
      <PageHeader title="Platform admin" description="Tenants, queue health, failed jobs, webhooks and the outbox." />
      <section aria-labelledby="tenants-heading" className="rounded-xl border bg-card p-4">
        <h2 id="tenants-heading" className="mb-2 font-semibold">
          Tenants ({tenants.length})
        </h2>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Account</TableHead>
              <TableHead>Plan</TableHead>
              <TableHead>Members</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tenants.map((tenant) => (
              <TableRow key={tenant.id}>
                <TableCell className="font-medium">{tenant.name}</TableCell>
                <TableCell>{tenant.planId}</TableCell>
                <TableCell>{tenant.members}</TableCell>
                <TableCell>{new Date(tenant.createdAt).toLocaleDateString('en-US')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}
