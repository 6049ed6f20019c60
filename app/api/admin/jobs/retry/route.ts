// POST /api/admin/jobs/retry — ops only: gives a failed or dead-lettered job another go
// ({queue, id}). Anyone else gets 404.
import { NextResponse } from 'next/server';
import {
  jobAccountId,
  recordOpsAction,
  requireOpsSession,
  retryJobSchema,
  unsafeRetryJob,
} from '@/lib/admin';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';
import { getReadyBoss } from '@/lib/queue/runtime';

export const POST = handle(async (request: Request) => {
  const session = await requireOpsSession();
  const input = await readJson(request, retryJobSchema);
  const boss = await getReadyBoss().catch(() => {
    throw new AppError('UNAVAILABLE', 'The queue is not running');
  });
  const [job] = await boss.findJobs(input.queue, { id: input.id });
  const outcome = await unsafeRetryJob(boss, input);
  await recordOpsAction({
    accountId: jobAccountId(job?.data),
    actorId: session.userId,
    action: 'admin.job_retried',
    entityType: 'job',
    entityId: input.id,
    data: { queue: input.queue, outcome: outcome.retried },
  });
  return NextResponse.json({ ok: true, ...outcome });
});
