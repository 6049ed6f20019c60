import { ScrollText } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditLogTable } from '@/components/admin/audit-log-table';
import { AdminSection } from '@/components/admin/section';
import { Pagination } from '@/components/orders/pagination';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { AUDIT_PAGE_SIZE, auditLogQuerySchema, unsafeListAuditLog, unsafeListTenants } from '@/lib/admin';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const query = auditLogQuerySchema.parse(await searchParams);
  const [log, tenants] = await Promise.all([unsafeListAuditLog(query), unsafeListTenants()]);
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, in every tenant, newest first." />
      <AdminSection id="audit-heading" title={`Entries (${log.total})`}>
        {/* A plain GET form: filters live in the URL and work without JavaScript. */}
        <form method="get" action="/admin/audit" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="grid gap-1 text-xs font-medium text-muted-foreground">
            Tenant
            <NativeSelect
              name="account_id"
              defaultValue={query.account_id ?? ''}
              className="w-56 text-foreground"
            >
              <option value="">All tenants</option>
              {tenants.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </NativeSelect>
          </label>
          <label className="grid gap-1 text-xs font-medium text-muted-foreground">
            Action starts with
            <Input
              name="action"
              defaultValue={query.action ?? ''}
              placeholder="order., inventory., admin."
              className="w-56 text-foreground"
            />
          </label>
          <Button type="submit" variant="outline">
            Filter
          </Button>
          {query.account_id || query.action ? (
            <Link href="/admin/audit" className="text-sm underline">
              Clear
            </Link>
          ) : null}
        </form>
        {log.entries.length ? (
          <>
            <AuditLogTable entries={log.entries} />
            <div className="mt-3">
              <Pagination
                page={query.page}
                totalPages={Math.ceil(log.total / AUDIT_PAGE_SIZE)}
                total={log.total}
                limit={AUDIT_PAGE_SIZE}
              />
            </div>
          </>
        ) : (
          <EmptyState
            icon={ScrollText}
            title="No audit entries"
            description="Nothing matches these filters yet."
          />
        )}
      </AdminSection>
    </>
  );
}
