import { CheckCircle2, XCircle } from 'lucide-react';
import { cn } from '@/lib/utils';

export type ConnectNoticeParams = { tiktok?: string; shops?: string; refused?: string };

const refusal = (names: string) =>
  `${names} ${names.includes(',') ? 'are' : 'is'} already connected to another CreatorFlow account. Disconnect it there first, or sign in to that account.`;

/** What happened on the way back from TikTok's consent page (query set by /api/tiktok/callback). */
function describe({ tiktok, shops, refused }: ConnectNoticeParams): { ok: boolean; text: string } | null {
  switch (tiktok) {
    case 'connected':
      return { ok: true, text: `Connected ${shops}. Products are importing and recent orders will follow in a moment.${refused ? ` ${refusal(refused)}` : ''}` };
    case 'refused':
      return { ok: false, text: refusal(refused ?? 'This shop') };
    case 'denied':
      return { ok: false, text: 'TikTok Shop authorization was declined, so nothing was connected.' };
    case 'invalid_state':
      return { ok: false, text: 'That connection attempt expired or did not start here. Click Connect TikTok Shop to try again.' };
    case 'failed':
      return { ok: false, text: 'TikTok Shop did not accept the authorization. Please try connecting again.' };
    case 'no_shops':
      return { ok: false, text: 'The TikTok seller account has no shops to connect.' };
    case 'forbidden':
      return { ok: false, text: 'Only owners and admins can connect or disconnect shops.' };
    default:
      return null;
  }
}

export function ConnectNotice(params: ConnectNoticeParams) {
  const notice = describe(params);
  if (!notice) return null;
  const Icon = notice.ok ? CheckCircle2 : XCircle;
  return (
    <div
      role={notice.ok ? 'status' : 'alert'}
      data-testid="connect-notice"
      className={cn(
        'mb-6 flex items-start gap-3 rounded-lg border px-4 py-3 text-sm',
        notice.ok ? 'border-success/40 bg-success/10' : 'border-destructive/40 bg-destructive/10',
      )}
    >
      <Icon className={cn('mt-0.5 size-4 shrink-0', notice.ok ? 'text-success' : 'text-destructive')} aria-hidden />
      <p>{notice.text}</p>
    </div>
  );
}
