import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withRls } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ReadContext } from './list-orders';

export type LabelDocument =
  { kind: 'file'; contentType: string; bytes: Buffer; filename: string } | { kind: 'redirect'; url: string };

type Row = {
  tracking_number: string | null;
  label_url: string | null;
  content_type: string | null;
  bytes: Buffer | null;
};

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'application/zpl': 'zpl',
  'text/plain': 'txt',
};

/**
 * The label of one shipment for GET /api/labels/{id}: the stored bytes (label_documents) when we
 * have them, else the carrier's URL. Another account's shipment is NOT_FOUND, as is a carrier URL
 * that is not http(s) (never redirect a browser to a javascript: or data: URL from a third party).
 */
export async function getLabelDocument(context: ReadContext, shipmentId: string): Promise<LabelDocument> {
  if (!z.uuid().safeParse(shipmentId).success) throw new AppError('NOT_FOUND', 'Label not found');
  const result = await withRls(context.claims, (tx) =>
    tx.execute<Row>(sql`
      select s.tracking_number, s.label_url, d.content_type, d.bytes
      from public.shipments s
      left join public.label_documents d on d.shipment_id = s.id and d.account_id = s.account_id
      where s.id = ${shipmentId} and s.account_id = ${context.accountId}`),
  );
  const row = result.rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'Label not found');
  if (row.bytes && row.content_type) {
    const extension = EXTENSIONS[row.content_type.split(';')[0]!.trim()] ?? 'bin';
    const name = (row.tracking_number ?? shipmentId).replace(/[^A-Za-z0-9_-]/g, '');
    return {
      kind: 'file',
      contentType: row.content_type,
      bytes: Buffer.from(row.bytes),
      filename: `label-${name}.${extension}`,
    };
  }
  if (row.label_url && /^https?:\/\//i.test(row.label_url)) return { kind: 'redirect', url: row.label_url };
  throw new AppError('NOT_FOUND', 'This shipment has no label');
}
