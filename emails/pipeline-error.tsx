import { Link, Text } from '@react-email/components';
import type { PipelineErrorProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DetailList } from './components/detail-list';
import { formatDateTime, pluralize } from './components/format';
import { EmailLayout } from './components/layout';
import { callout, text } from './components/theme';

// Sent when a fulfillment job has used up its retries and was dead-lettered: a person must act.
export default function PipelineError(props: PipelineErrorProps) {
  const { failedStep, orderNumber, orderUrl } = props;
  const subjectOfFailure = orderNumber ? `for order #${orderNumber}` : 'in your fulfillment pipeline';
  return (
    <EmailLayout
      preview={`${failedStep} failed ${subjectOfFailure} after ${pluralize(props.attempts, 'attempt')}. It needs a look.`}
      eyebrow="Fulfillment alert"
      reason={`You received this because you are an owner or admin of ${props.accountName} and pipeline alerts are on.`}
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>{failedStep} failed</Text>
      <Text style={text.paragraph}>
        We tried {pluralize(props.attempts, 'time')} and could not finish this step {subjectOfFailure}.
        Nothing else is blocked, but this order will not move forward until the problem is fixed and the job
        is retried.
      </Text>
      <Text style={callout('danger')}>
        <strong>{props.errorCode}:</strong> {props.errorMessage}
      </Text>
      <DetailList
        rows={[
          { label: 'Step', value: failedStep },
          {
            label: 'Order',
            value: orderNumber ? (
              orderUrl ? (
                <Link href={orderUrl} style={text.link}>
                  #{orderNumber}
                </Link>
              ) : (
                `#${orderNumber}`
              )
            ) : undefined,
          },
          { label: 'Job', value: <span style={text.mono}>{props.jobName}</span> },
          { label: 'Attempts', value: String(props.attempts) },
          { label: 'Last failure', value: formatDateTime(props.occurredAt) },
        ]}
      />
      <ActionButton href={props.failedJobUrl}>Review and retry the job</ActionButton>
      <Text style={text.small}>
        Retrying is safe: labels, tracking pushes and emails are idempotent, so nothing is bought or sent
        twice.
      </Text>
    </EmailLayout>
  );
}

PipelineError.PreviewProps = {
  accountName: 'Maya Makes Candles',
  failedStep: 'Buying a shipping label',
  jobName: 'shipping.buy-label',
  orderNumber: '576829104738291045',
  errorCode: 'ADDRESS_INVALID',
  errorMessage: 'The carrier rejected the delivery address: the ZIP code does not match the city.',
  attempts: 5,
  occurredAt: '2025-11-24T14:03:27Z',
  failedJobUrl: 'https://app.creatorflow.dev/admin/jobs/failed/9f1c2b7e',
  orderUrl: 'https://app.creatorflow.dev/orders/576829104738291045',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies PipelineErrorProps;
