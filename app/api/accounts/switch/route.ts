// POST /api/accounts/switch — makes another of the user's accounts current. Not a member: 404.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { listMemberships } from '@/lib/accounts';
import { ACCOUNT_COOKIE, requireApiSession } from '@/lib/auth';
import { sessionCookieOptions } from '@/lib/auth/cookies';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';

const bodySchema = z.object({ accountId: z.uuid() });

export const POST = handle(async (request: Request) => {
  const session = await requireApiSession();
  const { accountId } = await readJson(request, bodySchema);
  const membership = (await listMemberships(session)).find((m) => m.accountId === accountId);
  if (!membership) throw new AppError('NOT_FOUND', 'Account not found');
  const response = NextResponse.json({ account: membership });
  response.cookies.set(ACCOUNT_COOKIE, accountId, sessionCookieOptions(60 * 60 * 24 * 365));
  return response;
});
