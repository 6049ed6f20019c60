import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { systemDb, tables } from '@/lib/db';

const MAX_LABEL_BYTES = 5 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;
const ALLOWED_TYPES = ['application/pdf', 'image/png', 'application/zpl', 'text/plain', 'application/octet-stream'];

/**
 * Keeps the label file itself: carrier label URLs are signed and expire (Shippo's S3 links), so
 * the bytes are downloaded once after purchase and stored in label_documents. Idempotent (the
 * shipment id is the key); a failed download throws and the buy-label job's retry tries again.
 */
export async function storeLabelDocument(input: { accountId: string; shipmentId: string }, fetcher: typeof fetch = fetch): Promise<'stored' | 'already_stored' | 'no_label'> {
  const [shipment] = await systemDb()
      .select({ labelUrl: tables.shipments.labelUrl, stored: sql<boolean>`exists (select 1 from public.label_documents d where d.shipment_id = ${tables.shipments.id})` })
      .from(tables.shipments)
      .where(and(eq(tables.shipments.id, input.shipmentId), eq(tables.shipments.accountId, input.accountId)));
  if (!shipment?.labelUrl) return 'no_label';
  if (shipment.stored) return 'already_stored';
  const url = new URL(shipment.labelUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`label URL has an unsupported scheme: ${url.protocol}`);

  const response = await fetcher(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`label download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_LABEL_BYTES) throw new Error(`label is larger than ${MAX_LABEL_BYTES} bytes`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0 || bytes.length > MAX_LABEL_BYTES) throw new Error(`label has an unexpected size (${bytes.length} bytes)`);
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_TYPES.includes(contentType) && !contentType.startsWith('image/')) throw new Error(`label has an unexpected content type: ${contentType}`);

  await systemDb()
    .insert(tables.labelDocuments)
    .values({ shipmentId: input.shipmentId, accountId: input.accountId, contentType, bytes })
    .onConflictDoNothing({ target: tables.labelDocuments.shipmentId });
  return 'stored';
}
