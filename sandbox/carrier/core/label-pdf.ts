// A minimal but valid PDF 1.4 (one 4x6 inch page, Helvetica text) written by hand:
// catalog, pages, page, font, content stream, and an xref table with exact byte offsets.
// Text is limited to printable ASCII so character count equals byte count.

export interface LabelContent {
  carrier: string;
  service: string;
  trackingNumber: string;
  from: readonly string[];
  to: readonly string[];
}

function pdfText(value: string): string {
  const ascii = value.replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/([\\()])/g, '\\$1')})`;
}

function contentStream(label: LabelContent): string {
  const lines: Array<[size: number, text: string]> = [
    [10, 'SANDBOX LABEL - NOT VALID FOR POSTAGE'],
    [16, `${label.carrier} ${label.service}`],
    [9, 'FROM:'],
    ...label.from.map((line): [number, string] => [9, line]),
    [9, ''],
    [12, 'SHIP TO:'],
    ...label.to.map((line): [number, string] => [12, line]),
    [9, ''],
    [10, 'TRACKING #'],
    [14, label.trackingNumber],
  ];
  const ops: string[] = ['0.5 w 18 18 252 396 re S'];
  let y = 396;
  for (const [size, text] of lines) {
    y -= size + 6;
    if (text) ops.push(`BT /F1 ${size} Tf 30 ${y} Td ${pdfText(text)} Tj ET`);
  }
  // A barcode-looking row of bars derived from the tracking number's digits.
  let x = 30;
  for (const char of label.trackingNumber) {
    const width = 1 + (char.charCodeAt(0) % 3);
    ops.push(`${x} 22 ${width} 28 re f`);
    x += width + 2;
  }
  return ops.join('\n');
}

export function renderLabelPdf(label: LabelContent): Buffer {
  const stream = contentStream(label);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
