// GET /api/health — liveness and dependency checks (DESIGN.md public contract). 503 when unhealthy.
import { NextResponse } from 'next/server';
import { getHealth } from '@/lib/health/get-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health, {
    status: health.status === 'unhealthy' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
}
