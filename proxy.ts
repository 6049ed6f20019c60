// Runs before every page request: sends anonymous visitors of app pages to /login, and rotates the
// built-in session cookie once less than half of its lifetime is left. With Supabase Auth it lets
// @supabase/ssr refresh its own cookies instead.
import { createServerClient } from '@supabase/ssr';
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/cookies';
import { shouldRotate, signSessionToken, verifySessionToken } from '@/lib/auth/jwt';
import { env, isSupabaseAuth } from '@/lib/env';

const PUBLIC_PAGES = ['/login', '/signup'];

function toLogin(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

async function supabaseProxy(request: NextRequest, isPublic: boolean): Promise<NextResponse> {
  let response = NextResponse.next({ request });
  const supabase = createServerClient(env.NEXT_PUBLIC_SUPABASE_URL!, env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (toSet) => {
        for (const { name, value } of toSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of toSet) response.cookies.set(name, value, options);
      },
    },
  });
  const { data } = await supabase.auth.getUser();
  if (!data.user && !isPublic) return toLogin(request);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const isPublic = PUBLIC_PAGES.some((page) => request.nextUrl.pathname.startsWith(page));
  if (isSupabaseAuth()) return supabaseProxy(request, isPublic);

  const token = request.cookies.get(SESSION_COOKIE)?.value;
  const verified = token ? await verifySessionToken(token, env.AUTH_JWT_SECRET) : null;
  if (!verified) {
    if (isPublic) return NextResponse.next();
    const response = toLogin(request);
    if (token) response.cookies.delete(SESSION_COOKIE);
    return response;
  }
  const response = NextResponse.next();
  if (shouldRotate(verified)) {
    const { role: _role, aud: _aud, ...claims } = verified.claims;
    const rotated = await signSessionToken(claims, env.AUTH_JWT_SECRET, env.AUTH_SESSION_TTL_SECONDS);
    response.cookies.set(SESSION_COOKIE, rotated, sessionCookieOptions(env.AUTH_SESSION_TTL_SECONDS));
  }
  return response;
}

export const config = {
  // Pages only: API routes answer 401 themselves, webhooks carry their own signatures.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|svg|ico|css|js)$).*)'],
};
