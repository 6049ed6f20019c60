// POST /api/auth/signup — creates a user, their first account (as owner) and a session cookie,
// then queues the welcome email (sent by a job, at most once per user and account).
import { NextResponse } from 'next/server';
import { trackCreatorSignup } from '@/lib/analytics';
import { signUp, signUpSchema } from '@/lib/auth';
import { asSystem } from '@/lib/db';
import { enqueueCreatorWelcomeEmail } from '@/lib/email';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';

export const POST = handle(async (request: Request) => {
  const input = await readJson(request, signUpSchema);
  const session = await signUp(input);
  await asSystem((tx) => enqueueCreatorWelcomeEmail(tx, { accountId: session.accountId, userId: session.userId }));
  await trackCreatorSignup({ userId: session.userId, authProvider: session.provider });
  return NextResponse.json({ user: { id: session.userId, email: session.email } }, { status: 201 });
});
