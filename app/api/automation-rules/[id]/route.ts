// PATCH /api/automation-rules/{id} — change a rule; DELETE — remove it. Both need automation:manage;
// another account's rule is 404.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireApiContext } from '@/lib/accounts';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';
import { automation } from '@/lib/orders';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

async function ruleId(params: Params['params']): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new AppError('NOT_FOUND', 'Automation rule not found');
  return id.data;
}

export const PATCH = handle(async (request: Request, { params }: Params) => {
  const context = await requireApiContext('automation:manage');
  const id = await ruleId(params);
  const rule = await automation.updateAutomationRule(context, id, await readJson(request, automation.ruleUpdateSchema));
  return NextResponse.json({ rule });
});

export const DELETE = handle(async (_request: Request, { params }: Params) => {
  const context = await requireApiContext('automation:manage');
  await automation.deleteAutomationRule(context, await ruleId(params));
  return new NextResponse(null, { status: 204 });
});
