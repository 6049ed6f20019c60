// GET /api/automation-rules — the account's rules in evaluation order; POST — add one (automation:manage).
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';
import { automation } from '@/lib/orders';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const context = await requireApiContext('orders:read');
  return NextResponse.json({ rules: await automation.listAutomationRules(context) }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = handle(async (request: Request) => {
  const context = await requireApiContext('automation:manage');
  const rule = await automation.createAutomationRule(context, await readJson(request, automation.ruleBodySchema));
  return NextResponse.json({ rule }, { status: 201 });
});
