import type { EmailTemplateName } from './schemas';

/**
 * What an account can switch off, per category, and the category of every template. Plain data
 * (no server imports) so the preferences form can render from it.
 *
 * `account` and `billing` emails (welcome, team invitations, plan limit) are not configurable:
 * they are about the account itself and the owner must get them.
 */
export const CONFIGURABLE_CATEGORIES = [
  'order_updates',
  'payouts',
  'weekly_report',
  'pipeline_errors',
  'low_stock',
  'shop_connection',
] as const;
export type ConfigurableCategory = (typeof CONFIGURABLE_CATEGORIES)[number];
export type EmailCategory = ConfigurableCategory | 'account' | 'billing';

export type CategoryDefinition = {
  label: string;
  description: string;
  /** Who receives these emails, in the words the preferences page uses. */
  audience: 'buyers' | 'owners';
  /** Applies while the account has not chosen (no row in notification_preferences). */
  defaultEnabled: boolean;
};

export const CATEGORY_DEFINITIONS: Record<ConfigurableCategory, CategoryDefinition> = {
  order_updates: {
    label: 'Shipping updates to buyers',
    description: 'Tell buyers when their order ships and when it is delivered, with the tracking link.',
    audience: 'buyers',
    defaultEnabled: true,
  },
  payouts: {
    label: 'Payouts',
    description: 'A summary each time TikTok Shop pays out.',
    audience: 'owners',
    defaultEnabled: true,
  },
  weekly_report: {
    label: 'Weekly performance report',
    description: 'Orders, revenue, label spend and your best video, every Monday.',
    audience: 'owners',
    defaultEnabled: true,
  },
  pipeline_errors: {
    label: 'Fulfillment errors',
    description: 'When an order needs you: a label could not be bought or tracking could not be sent.',
    audience: 'owners',
    defaultEnabled: true,
  },
  low_stock: {
    label: 'Low stock alerts',
    description: 'When a SKU is about to run out at its current sales velocity.',
    audience: 'owners',
    defaultEnabled: true,
  },
  shop_connection: {
    label: 'Shop connection',
    description: 'When a TikTok Shop authorization is about to expire and needs reconnecting.',
    audience: 'owners',
    defaultEnabled: true,
  },
};

export const TEMPLATE_CATEGORY: Record<EmailTemplateName, EmailCategory> = {
  'creator-welcome': 'account',
  'team-invitation': 'account',
  'plan-limit-reached': 'billing',
  'order-shipped': 'order_updates',
  'order-delivered': 'order_updates',
  'payout-processed': 'payouts',
  'weekly-performance-report': 'weekly_report',
  'pipeline-error': 'pipeline_errors',
  'low-stock-alert': 'low_stock',
  'shop-authorization-expiring': 'shop_connection',
};

export const isConfigurableCategory = (category: string): category is ConfigurableCategory =>
  (CONFIGURABLE_CATEGORIES as readonly string[]).includes(category);
