// POST /api/webhooks/tiktok — TikTok Shop notifications: raw body (≤ 1 MiB), Authorization HMAC checked
// (401, nothing stored), malformed → 400 (nothing stored), deduped, event + job in one transaction, 200.
import { NextResponse } from 'next/server';
import { errorResponse } from '@/lib/errors/http';
import { BodyTooLargeError, readCappedBody, receiveTikTokWebhook, tiktokAppConfig } from '@/lib/tiktok/server';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  try {
    const rawBody = await readCappedBody(request);
    const { appKey, appSecret } = tiktokAppConfig();
    const result = await receiveTikTokWebhook({ rawBody, authorization: request.headers.get('authorization'), appKey, appSecret });
    if (result.status === 400) {
      return NextResponse.json({ error: { code: 'VALIDATION', message: result.error } }, { status: 400 });
    }
    // TikTok expects an empty body with 200 (accepted, duplicate, ignored) or 401 (bad signature).
    return new Response(null, { status: result.status });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return new Response(null, { status: 413 });
    // Storage failed: a 5xx makes TikTok deliver again later, which is what we want.
    return errorResponse(error, { route: 'POST /api/webhooks/tiktok' });
  }
}
