// GET /api/labels/{shipmentId} — the shipment's label: the stored file (label_documents), or a
// redirect to the carrier's label URL. Another account's shipment is 404.
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { handle } from '@/lib/errors/http';
import { getLabelDocument } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

export const GET = handle(
  async (_request: Request, { params }: { params: Promise<{ shipmentId: string }> }) => {
    const context = await requireApiContext('orders:read');
    const { shipmentId } = await params;
    const label = await getLabelDocument(context, shipmentId);
    if (label.kind === 'redirect') return NextResponse.redirect(label.url, 302);
    return new Response(new Uint8Array(label.bytes), {
      headers: {
        'content-type': label.contentType,
        'content-length': String(label.bytes.length),
        'content-disposition': `inline; filename="${label.filename}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
);
