import type { Metadata } from 'next';
import Link from 'next/link';
import { CircuitBreakers } from '@/components/admin/circuit-breakers';
import { AdminSection } from '@/components/admin/section';
import { WebhookStats } from '@/components/admin/webhook-stats';
import { SummaryCards } from '@/components/inventory/summary-cards';
import { PageHeader } from '@/components/shared/page-header';
import { formatInteger } from '@/components/ui/format';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import {
  unsafeDescribeCircuits,
  unsafeGetWebhookStats,
  unsafeListTenants,
  unsafeLoadQueueState,
} from '@/lib/admin';
import { env } from '@/lib/env';
import { getCircuitStates } from '@/lib/tiktok';

export const metadata: Metadata = { title: 'Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const [tenants, queueState, webhookStats, circuits] = await Promise.all([
    unsafeListTenants(),
    unsafeLoadQueueState({ schema: env.QUEUE_SCHEMA }),
    unsafeGetWebhookStats(24),
    unsafeDescribeCircuits(getCircuitStates()),
  ]);
  const sum = (pick: (queue: (typeof queueState.queues)[number]) => number) =>
    queueState.queues.reduce((total, queue) => total + pick(queue), 0);
  return (
    <>
      <PageHeader
        title="Platform admin"
        description="Tenants, queue health, failed jobs, webhooks, the audit log and the email outbox."
      />
      <div className="space-y-6">
        <SummaryCards
          items={[
            { label: 'Tenants', value: formatInteger(tenants.length) },
            {
              label: 'Jobs ready',
              value: queueState.error ? '—' : formatInteger(sum((queue) => queue.ready)),
            },
            {
              label: 'Jobs active',
              value: queueState.error ? '—' : formatInteger(sum((queue) => queue.active)),
            },
            {
              label: 'Failed jobs',
              value: queueState.error ? '—' : formatInteger(queueState.failed.length),
              tone: queueState.failed.length ? 'critical' : undefined,
            },
            {
              label: 'Webhooks (24 h)',
              value: formatInteger(webhookStats.reduce((total, row) => total + row.total, 0)),
            },
            {
              label: 'Open circuits',
              value: formatInteger(circuits.filter((circuit) => circuit.state !== 'closed').length),
              tone: circuits.some((circuit) => circuit.state === 'open') ? 'critical' : undefined,
            },
          ]}
        />
        {queueState.error ? <p className="text-sm font-medium text-red-700">{queueState.error}</p> : null}
        <AdminSection
          id="webhooks-heading"
          title="Webhooks, last 24 hours"
          actions={
            <Link href="/admin/webhooks" className="text-sm underline">
              Webhook log
            </Link>
          }
        >
          <WebhookStats stats={webhookStats} />
        </AdminSection>
        <AdminSection
          id="circuits-heading"
          title="TikTok circuit breakers"
          description="Per shop, in this server process."
        >
          <CircuitBreakers circuits={circuits} />
        </AdminSection>
        <AdminSection id="tenants-heading" title={`Tenants (${tenants.length})`}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Account</TableHead>
                <TableHead>Plan</TableHead>
                <TableHead>Members</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>
                  <span className="sr-only">Audit</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tenants.map((tenant) => (
                <TableRow key={tenant.id} data-testid="tenant-row">
                  <TableCell className="font-medium">{tenant.name}</TableCell>
                  <TableCell>{tenant.planId}</TableCell>
                  <TableCell>{tenant.members}</TableCell>
                  <TableCell>
                    {new Date(tenant.createdAt).toLocaleDateString('en-US', { timeZone: 'UTC' })}
                  </TableCell>
                  <TableCell>
                    <Link href={`/admin/audit?account_id=${tenant.id}`} className="text-xs underline">
                      Audit log<span className="sr-only"> of {tenant.name}</span>
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </AdminSection>
      </div>
    </>
  );
}
