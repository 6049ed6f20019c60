// POST /api/auth/logout — clears the session (and, with Supabase, signs out there too).
import { NextResponse } from 'next/server';
import { logOut } from '@/lib/auth';
import { handle } from '@/lib/errors/http';

export const POST = handle(async () => {
  await logOut();
  return NextResponse.json({ ok: true });
});
