import { isoAt } from '../core/ids';
import type { TrackedParcel } from '../core/state';
import { STEP_WIRE } from '../core/tracking-steps';

// The page behind `tracking_url_provider` / `public_url`: a plain HTML timeline.

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function renderTrackPage(trackingNumber: string, parcel: TrackedParcel | undefined): string {
  const rows = (parcel?.history ?? [])
    .slice()
    .reverse()
    .map((step) => {
      const wire = STEP_WIRE[step.kind];
      return `<tr><td>${isoAt(step.atMs)}</td><td>${wire.shippo.status}</td><td>${escape(wire.text)}</td></tr>`;
    })
    .join('');
  const body = parcel
    ? `<p>${escape(parcel.carrierName)} ${escape(parcel.service?.name ?? '')}</p><table><thead><tr><th>When</th><th>Status</th><th>Details</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No tracking information for this number.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tracking ${escape(trackingNumber)}</title></head><body><h1>Sandbox tracking: ${escape(trackingNumber)}</h1>${body}</body></html>`;
}
