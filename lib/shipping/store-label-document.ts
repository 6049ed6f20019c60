import 'server-only';
import { sql } from 'drizzle-orm';
import { systemDb, tables } from '@/lib/db';

const MAX_LABEL_BYTES = 5 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;
const ALLOWED_TYPES = ['application/pdf', 'image/png', 'application/zpl', 'text/plain', 'application/octet-stream'];

type LabelRef = { accountId: string; shipmentId: string };
export type StoreLabelOutcome = 'stored' | 'already_stored' | 'no_label';

/**
 * Keeps the label file itself: carrier label URLs are signed and expire (Shippo's S3 links), so
 * the bytes are downloaded once after purchase and stored in label_documents. Idempotent (the
 * shipment id is the key); a failed download throws and the buy-label job's retry tries again.
 */
export async function storeLabelDocument(input: LabelRef, fetcher: typeof fetch = fetch): Promise<StoreLabelOutcome> {
  const [outcome] = await storeLabelDocuments([input], fetcher);
  if (outcome instanceof Error) throw outcome;
  return outcome!;
}

/**
 * storeLabelDocument for several shipments: one read of their label URLs, the downloads side by
 * side, one insert of the files. A shipment whose download failed gets its Error in its place.
 */
export async function storeLabelDocuments(inputs: readonly LabelRef[], fetcher: typeof fetch = fetch): Promise<(StoreLabelOutcome | Error)[]> {
  if (inputs.length === 0) return [];
  const refs = inputs.map((input) => ({ account_id: input.accountId, shipment_id: input.shipmentId }));
  const { rows } = await systemDb().execute<{ id: string; label_url: string | null; stored: boolean }>(sql`
    select s.id, s.label_url, exists (select 1 from public.label_documents d where d.shipment_id = s.id) as stored
    from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as r(account_id uuid, shipment_id uuid)
      join public.shipments s on s.id = r.shipment_id and s.account_id = r.account_id`);
  const found = new Map(rows.map((row) => [row.id, row]));
  const files: { shipmentId: string; accountId: string; contentType: string; bytes: Buffer }[] = [];
  const outcomes = await Promise.all(inputs.map(async (input): Promise<StoreLabelOutcome | Error> => {
    const shipment = found.get(input.shipmentId);
    if (!shipment?.label_url) return 'no_label';
    if (shipment.stored) return 'already_stored';
    try {
      files.push({ ...input, ...(await downloadLabel(shipment.label_url, fetcher)) });
      return 'stored';
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }));
  if (files.length > 0) await systemDb().insert(tables.labelDocuments).values(files).onConflictDoNothing({ target: tables.labelDocuments.shipmentId });
  return outcomes;
}

async function downloadLabel(labelUrl: string, fetcher: typeof fetch): Promise<{ contentType: string; bytes: Buffer }> {
  const url = new URL(labelUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`label URL has an unsupported scheme: ${url.protocol}`);
  const response = await fetcher(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`label download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_LABEL_BYTES) throw new Error(`label is larger than ${MAX_LABEL_BYTES} bytes`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0 || bytes.length > MAX_LABEL_BYTES) throw new Error(`label has an unexpected size (${bytes.length} bytes)`);
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_TYPES.includes(contentType) && !contentType.startsWith('image/')) throw new Error(`label has an unexpected content type: ${contentType}`);
  return { contentType, bytes };
}
