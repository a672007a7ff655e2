import type { moneyStrings } from '../../money-strings.ts';
import type { Translation } from '../localized.ts';

export const money: Translation<typeof moneyStrings> = {
  purchases: {
    title: 'Purchases',
    link: 'Purchases and sessions',
    shop: 'On sale',
    shopOffline:
      'What is on sale loads from the network. Your purchases and sessions left below work offline.',
    noProducts: 'The club sells nothing yet.',
    loadFailed: 'Could not load what is on sale',
    product: 'What to buy',
    package: (credits: number, days: number) =>
      `${credits} session${credits === 1 ? '' : 's'}, valid for ${days} days`,
    plan: 'Subscription',
    discountCode: 'Discount code',
    discountHint: 'If you have one. Checked at payment.',
    buy: 'Buy',
    buying: 'Opening the payment…',
    needsNetwork: 'Buying needs the network.',
    paid: 'Payment received. The purchase appears in the list after syncing.',
    canceled: 'Payment canceled; nothing was charged.',
    credits: 'Sessions left',
    creditsIn: (org: string) => `At ${org}`,
    noCredits: 'No paid sessions yet.',
    history: 'My purchases',
    noPurchases: 'No purchases yet.',
    discount: (percent: number) => `${percent}% off`,
    creditsAdded: (n: number) => `+${n} sessions`,
    status: (status: string): string =>
      ({
        pending: 'Awaiting payment',
        paid: 'Paid',
        failed: 'Payment failed',
        refunded: 'Refunded',
        canceled: 'Canceled',
      })[status] ?? status,
    errors: {
      invalid_discount_code: 'This discount code does not exist or is no longer valid.',
      nothing_to_pay: 'With the discount there is nothing to pay — please ask the club.',
      product_not_found: 'This is no longer on sale.',
      too_many_requests: 'Too many attempts. Wait a minute.',
      payment_provider_error: 'The payment provider did not answer. Try again later.',
      unauthorized: 'Sign in again to pay.',
    },
  },
  email: {
    title: 'Emails',
    link: 'Email settings',
    intro: 'Which emails to send you. Works offline: changes are sent once connected.',
    kind: (kind: string): string =>
      ({
        purchase_confirmation: 'Payment confirmation',
        booking_confirmation: 'Booking confirmation',
        booking_notification: 'Someone booked with me (coaches)',
        booking_cancellation: 'Booking cancelled',
        session_reminder: 'Reminder a day before a session',
      })[kind] ?? kind,
    saved: 'Saved.',
    loading: 'Loading settings…',
  },
  mailbox: {
    title: 'Mailbox',
    link: 'Mailbox (local stack)',
    intro:
      'The local stack sends no email: this shows what you would have received. In production an email service sends them.',
    empty: 'No emails yet. Dispatch runs every few seconds.',
    refresh: 'Refresh',
    to: 'To',
    unavailable: 'There is no mailbox here: an email service sends the emails.',
    needsNetwork: 'Needs the network: emails are kept on the server.',
  },
  moyklass: {
    filter: 'Subscription this season',
    any: 'Any',
    with: 'Has a subscription',
    without: 'No subscription',
    refresh: 'Refresh from Moyklass',
    refreshing: 'Loading subscriptions…',
    refreshed: (n: number) => `Subscriptions refreshed: ${n} athletes. The filter works offline.`,
    unlinked: (n: number) => `Without a Moyklass id: ${n}.`,
    fetchedAt: (when: string) => `Moyklass data as of ${when}`,
    needsNetwork: 'Needs the network: the data comes from Moyklass.',
    errors: {
      crm_plan_restriction: 'The CRM plan does not allow this.',
      moyklass_not_connected:
        'Moyklass is not connected to the organization. An admin sets the API key.',
      moyklass_rejected: 'Moyklass refused the organization’s API key.',
      moyklass_unavailable: 'Moyklass is unavailable right now. Try again later.',
      moyklass_bad_response: 'Moyklass answered nonsense. Nothing was stored.',
      forbidden: 'Only coaches and admins of the organization may refresh.',
      too_many_requests: 'Too often. Wait a minute.',
      unauthorized: 'Sign in again.',
    },
  },
  failed: (status: number, message: string) => `Error ${status}: ${message}`,
};
