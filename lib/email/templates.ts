import type { ComponentType } from 'react';
import type { z } from 'zod';
import CreatorWelcome from '@/emails/creator-welcome';
import LowStockAlert, { mostUrgentFirst } from '@/emails/low-stock-alert';
import OrderDelivered from '@/emails/order-delivered';
import OrderShipped from '@/emails/order-shipped';
import PayoutProcessed from '@/emails/payout-processed';
import PipelineError from '@/emails/pipeline-error';
import PlanLimitReached from '@/emails/plan-limit-reached';
import ShopAuthorizationExpiring from '@/emails/shop-authorization-expiring';
import TeamInvitation from '@/emails/team-invitation';
import WeeklyPerformanceReport from '@/emails/weekly-performance-report';
import {
  formatChange,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from '@/emails/components/format';
import { emailPropsSchemas, type EmailProps, type EmailTemplateName } from './schemas';

export type { EmailProps, EmailTemplateName } from './schemas';

export interface EmailTemplate<N extends EmailTemplateName> {
  component: ComponentType<EmailProps<N>> & { PreviewProps: EmailProps<N> };
  schema: z.ZodType<EmailProps<N>>;
  subject: (props: EmailProps<N>) => string;
}

type EmailTemplateRegistry = { [N in EmailTemplateName]: EmailTemplate<N> };

// The one list of emails CreatorFlow sends. Subjects live beside the component so a job only
// needs a template name and props; they use the same formatters as the body so they agree.
export const emailTemplates: EmailTemplateRegistry = {
  'creator-welcome': {
    component: CreatorWelcome,
    schema: emailPropsSchemas['creator-welcome'],
    subject: (props) => `Welcome to CreatorFlow, ${props.firstName}`,
  },
  'order-shipped': {
    component: OrderShipped,
    schema: emailPropsSchemas['order-shipped'],
    subject: (props) => `Your order #${props.orderNumber} from ${props.shopName} has shipped`,
  },
  'order-delivered': {
    component: OrderDelivered,
    schema: emailPropsSchemas['order-delivered'],
    subject: (props) => `Delivered: your order #${props.orderNumber} from ${props.shopName}`,
  },
  'payout-processed': {
    component: PayoutProcessed,
    schema: emailPropsSchemas['payout-processed'],
    subject: (props) => `Your payout of ${formatMoney(props.amountCents, props.currency)} is on its way`,
  },
  'weekly-performance-report': {
    component: WeeklyPerformanceReport,
    schema: emailPropsSchemas['weekly-performance-report'],
    subject: (props) =>
      `Your week: ${formatNumber(props.orders.current)} orders, ` +
      `${formatMoney(props.revenueCents.current, props.currency)} revenue ` +
      `(${formatChange(props.revenueCents.current, props.revenueCents.previous)})`,
  },
  'pipeline-error': {
    component: PipelineError,
    schema: emailPropsSchemas['pipeline-error'],
    subject: (props) =>
      `Action needed: ${props.failedStep} failed` +
      (props.orderNumber ? ` for order #${props.orderNumber}` : ''),
  },
  'low-stock-alert': {
    component: LowStockAlert,
    schema: emailPropsSchemas['low-stock-alert'],
    subject: (props) => {
      const [first, ...rest] = mostUrgentFirst(props.items);
      const others = rest.length > 0 ? ` and ${rest.length} more SKU${rest.length === 1 ? '' : 's'}` : '';
      return `Low stock: ${first!.sku}${others} running out`;
    },
  },
  'shop-authorization-expiring': {
    component: ShopAuthorizationExpiring,
    schema: emailPropsSchemas['shop-authorization-expiring'],
    subject: (props) => `Reconnect ${props.shopName} before ${formatDateTime(props.expiresAt)}`,
  },
  'team-invitation': {
    component: TeamInvitation,
    schema: emailPropsSchemas['team-invitation'],
    subject: (props) => `${props.inviterName} invited you to ${props.accountName} on CreatorFlow`,
  },
  'plan-limit-reached': {
    component: PlanLimitReached,
    schema: emailPropsSchemas['plan-limit-reached'],
    subject: (props) =>
      `You've used all ${formatNumber(props.allowance)} ${props.limitName} on the ${props.planName} plan` +
      (props.resetsOn ? ` (resets ${formatDate(props.resetsOn)})` : ''),
  },
};

export function getEmailTemplate<N extends EmailTemplateName>(name: N): EmailTemplate<N> {
  const template = emailTemplates[name];
  if (!template) throw new Error(`Unknown email template "${String(name)}"`);
  return template;
}
