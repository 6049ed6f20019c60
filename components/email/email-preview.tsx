import type { OutboxEmail } from '@/lib/email';
import { OutboxStatusBadge } from './outbox-table';

/**
 * One outbox email as it was sent: headers, the rendered HTML in a fully sandboxed iframe (no
 * scripts, no same-origin access, no navigation: the HTML is data, never part of our page) and
 * the plain-text part.
 */
export function EmailPreview({ email }: { email: OutboxEmail & { accountName?: string } }) {
  return (
    <article className="space-y-4" aria-labelledby="email-subject">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-xl border bg-card p-4 text-sm">
        <dt className="text-muted-foreground">Subject</dt>
        <dd id="email-subject" className="font-medium">
          {email.subject}
        </dd>
        <dt className="text-muted-foreground">To</dt>
        <dd>{email.toAddresses.join(', ')}</dd>
        {email.accountName ? (
          <>
            <dt className="text-muted-foreground">Account</dt>
            <dd>{email.accountName}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Status</dt>
        <dd className="flex items-center gap-2">
          <OutboxStatusBadge status={email.status} />
          <span className="text-muted-foreground">
            {email.provider ? `via ${email.provider}` : null}
            {email.sentAt ? ` · ${email.sentAt.toISOString()}` : null}
          </span>
        </dd>
        <dt className="text-muted-foreground">Template</dt>
        <dd>
          {email.template} ({email.category})
        </dd>
        {email.error ? (
          <>
            <dt className="text-muted-foreground">Last error</dt>
            <dd className="text-destructive">{email.error}</dd>
          </>
        ) : null}
      </dl>
      {email.html ? (
        <iframe
          title={`Rendered email: ${email.subject}`}
          sandbox=""
          srcDoc={email.html}
          data-testid="email-html"
          className="h-[720px] w-full rounded-xl border bg-white"
        />
      ) : (
        <p className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">
          {email.status === 'suppressed'
            ? 'Not sent: the account has turned this kind of email off, so nothing was rendered.'
            : 'Nothing rendered yet.'}
        </p>
      )}
      {email.text ? (
        <details className="rounded-xl border bg-card p-4">
          <summary className="cursor-pointer text-sm font-medium">Plain-text part</summary>
          <pre className="mt-3 text-xs whitespace-pre-wrap">{email.text}</pre>
        </details>
      ) : null}
    </article>
  );
}
