// POST /api/admin/webhooks/{id}/replay — ops only: hands a stored webhook event back to its
// domain's processing job (processing is idempotent). Anyone else gets 404.
import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { recordOpsAction, requireOpsSession } from '@/lib/admin';
import { asSystem, tables } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';
import { unsafeReplayWebhookEvent } from '@/lib/webhooks/replay-webhook-event';

export const POST = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await requireOpsSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new AppError('NOT_FOUND', 'Webhook event not found');
  await unsafeReplayWebhookEvent(id);
  const [event] = await asSystem((tx) =>
    tx
      .select({
        accountId: tables.webhookEvents.accountId,
        provider: tables.webhookEvents.provider,
        type: tables.webhookEvents.eventType,
      })
      .from(tables.webhookEvents)
      .where(eq(tables.webhookEvents.id, id)),
  );
  await recordOpsAction({
    accountId: event?.accountId,
    actorId: session.userId,
    action: 'admin.webhook_replayed',
    entityType: 'webhook_event',
    entityId: id,
    data: { provider: event?.provider, event_type: event?.type },
  });
  return NextResponse.json({ ok: true, id, status: 'pending' });
});
