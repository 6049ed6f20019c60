// POST /api/auth/signup — creates a user, their first account (as owner) and a session cookie.
import { NextResponse } from 'next/server';
import { signUp, signUpSchema } from '@/lib/auth';
import { handle } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';

export const POST = handle(async (request: Request) => {
  const input = await readJson(request, signUpSchema);
  const session = await signUp(input);
  return NextResponse.json({ user: { id: session.userId, email: session.email } }, { status: 201 });
});
