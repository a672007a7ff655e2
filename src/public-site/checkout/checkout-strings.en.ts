// The public checkout page's words in English (Russian: checkout-strings.ts).
import type { CheckoutStrings } from './checkout-strings.ts';

export const checkoutStringsEn: CheckoutStrings = {
  lang: 'en',
  title: 'Purchase',
  from: (seller: string) => `Sold by ${seller}`,
  includes: 'What is included',
  credits: (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`,
  item: (quantity: number, name: string) => (quantity > 1 ? `${quantity} × ${name}` : name),
  validity: (days: number) => `Valid for ${days} ${days === 1 ? 'day' : 'days'} from payment`,
  price: 'Price',
  name: 'Your name',
  email: 'Email',
  emailHint: 'The receipt goes here; you sign in with it later to see your purchase',
  code: 'Discount code (if you have one)',
  honeypot: 'Leave this field empty',
  pay: (price: string) => `Continue to pay ${price}`,
  payNote:
    'Card payment on a secure Stripe page. The price comes from the club; a discount code is applied there too.',
  member: 'Already in the club?',
  signIn: 'Sign in to buy as a club member',
  canceled: 'Payment canceled; nothing was charged. You can try again.',
  errors: {
    invalid_discount_code:
      'This discount code does not exist, has expired or is used up. Check it or leave the field empty.',
    product_not_found: 'This item is no longer on sale.',
    nothing_to_pay: 'With the discount there is nothing to pay: write to the club to get it.',
    invalid_email: 'Check the email address.',
    invalid_name: 'Enter your name (up to 120 characters).',
    other: 'The payment could not start. Please try again.',
  },
  notFoundTitle: 'Item not found',
  notFound: 'This item is not on sale: the link is old or the item was withdrawn.',
  paidTitle: 'Thank you, payment received',
  paid: 'The receipt goes to the email you gave. The purchase and its sessions are kept on the account with that email: if you had none, we created it and added you to the club.',
  paidSignIn: 'Sign in to the app',
  back: 'Back to the item',
};
