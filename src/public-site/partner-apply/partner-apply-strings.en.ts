// The partner application pages' words in English (Russian: partner-apply-strings.ts).
import type { PartnerApplyStrings } from './partner-apply-strings.ts';

export const partnerApplyStringsEn: PartnerApplyStrings = {
  lang: 'en',
  title: 'Apply to the Trackside partner program',
  intro:
    'Do you sell Trackside to clubs and schools, recommend it, or connect your own product to it? Tell us about your company and we will answer at the address you give.',
  steps:
    'After you send it, an email with a link arrives: the application exists only once you confirm your address.',
  required: 'required',
  optional: 'optional',
  sections: { company: 'Company', contact: 'Contact', partnership: 'Partnership' },
  labels: {
    company_name: 'Company name',
    contact_name: 'Your name',
    contact_email: 'Email',
    contact_phone: 'Phone',
    website: 'Website',
    partnership_type: 'Partnership type',
    company_size: 'Company size',
    industry: 'Industry',
    current_solutions: 'What solutions do you use today',
    target_market: 'Your market and customers',
    motivation: 'Why do you want to become a partner',
    additional_information: 'Anything else we should know',
  },
  hints: {
    contact_email: 'The confirmation link and our answer go here',
    website: 'For example example.com — we add https:// ourselves',
    target_market: 'For example: youth sports schools in the Volga region',
    motivation: 'At least 20 characters',
  },
  types: {
    reseller: 'Reseller — I sell Trackside to clubs and manage them',
    referral: 'Referral partner — I recommend Trackside to clubs',
    technology: 'Technology partner — I connect my product (timing and the like)',
  },
  sizes: {
    '1-10': '1–10 people',
    '11-50': '11–50 people',
    '51-200': '51–200 people',
    '201-500': '201–500 people',
    '501+': 'more than 500 people',
  },
  choose: 'Choose…',
  honeypot: 'Leave this field empty',
  submit: 'Send application',
  sending: 'Sending…',
  problem: (field, problem, bounds) => {
    if (problem === 'required') return 'Please fill in this field.';
    if (problem === 'choice') return 'Please choose one of the options.';
    if (problem === 'short') return `Too short: at least ${bounds[0]} characters.`;
    if (problem === 'long') return `Too long: at most ${bounds[1]} characters.`;
    if (problem === 'characters') return 'Please remove invisible and control characters.';
    if (field === 'contact_email')
      return 'Enter an address like name@example.com in Latin letters.';
    if (field === 'contact_phone')
      return 'Digits, spaces, brackets, dashes and a leading "+" only.';
    if (field === 'website') return 'Enter a site address like https://example.com.';
    return 'Please check this value.';
  },
  summary: (n) => (n === 1 ? 'Please check one field:' : `Please check ${n} fields:`),
  refilled:
    'Without JavaScript the browser did not keep your answers: go Back to correct them, or fill in the form again.',
  tooMany: 'Too many attempts. Please try again later.',
  failed: 'The application could not be sent. Please try again.',
  sentTitle: 'Check your email',
  sent: 'We have sent an email with a link to the address you gave. Open it and press "Confirm application" — only then does the application reach us. The link works for 24 hours.',
  sentNote:
    'No email? Check your spam folder. Sending the form again within a day sends no second email.',
  again: 'Fill in another application',
  confirmTitle: 'Confirm your application',
  confirmText: 'Press the button to confirm your address and send the application for review.',
  confirmButton: 'Confirm application',
  done: {
    confirmed:
      'Your application is confirmed and sent. We have emailed you a receipt and will write when we decide.',
    already_confirmed: 'This application is already confirmed — nothing more to do.',
    link_expired: 'This link has expired: it works for 24 hours. Please apply again.',
    link_invalid: 'This link does not work. Copy the whole link from the email, or apply again.',
  },
  doneTitle: {
    confirmed: 'Application sent',
    already_confirmed: 'Already confirmed',
    link_expired: 'Link expired',
    link_invalid: 'Link does not work',
  },
  applyLink: 'To the application form',
  language: 'Русский',
};
