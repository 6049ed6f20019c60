// POST /api/auth/login — email + password; sets the session cookie. Rate limited per email and IP.
import { NextResponse } from 'next/server';
import { logIn, logInSchema } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/errors/http';
import { readJson } from '@/lib/http/read-json';

export async function POST(request: Request) {
  try {
    const session = await logIn(await readJson(request, logInSchema));
    return NextResponse.json({ user: { id: session.userId, email: session.email } });
  } catch (error) {
    const response = errorResponse(error);
    if (error instanceof AppError && error.code === 'LIMIT_EXCEEDED') {
      const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
      if (retryAfter) response.headers.set('retry-after', String(retryAfter));
    }
    return response;
  }
}
