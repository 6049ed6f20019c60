// POST /api/orders/{id}/status — a manual workflow change ({status} or {action}: hold, release, cancel, retry, mark_shipped, reserve).
// Goes through the transition table with source `user`; a change the table refuses is 409 with the reason.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireApiContext } from '@/lib/accounts';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';
import { changeOrderStatus, changeOrderStatusSchema } from '@/lib/orders';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const context = await requireApiContext('orders:update');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new AppError('NOT_FOUND', 'Order not found');
  const result = await changeOrderStatus(context, id.data, await readJson(request, changeOrderStatusSchema));
  return NextResponse.json({
    success: true,
    order: result.order,
    ...(result.workflowTriggered ? { workflow_triggered: result.workflowTriggered } : {}),
  });
});
