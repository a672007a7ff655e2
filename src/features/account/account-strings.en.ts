import type { accountStrings } from './account-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const account: Translation<typeof accountStrings> = {
  code: {
    open: 'Email me a sign-in code',
    title: 'Sign in with a code',
    intro: 'We will email you a 6-digit code. No password needed.',
    send: 'Send the code',
    sent: (email: string) =>
      `If ${email} has an account, we have emailed it a code. The code works for one hour.`,
    code: 'Code from the email',
    codeHint: '6 digits',
    submit: 'Sign in',
    resend: 'Send a new code',
    otherEmail: 'Use another address',
    back: 'Sign in with a password',
  },
  recovery: {
    open: 'Forgot your password?',
    title: 'Reset your password',
    intro: 'We will email you a code. With it you set a new password and are signed in.',
    send: 'Send a reset code',
    code: 'Code from the email',
    newPassword: 'New password',
    passwordHint: 'At least 8 characters',
    passwordTooShort: 'The password must be at least 8 characters',
    submit: 'Save the password and sign in',
  },
  codeWrong:
    'The code is wrong or has expired. Enter the code from the latest email or ask for a new one.',
  codeShape: 'The code is the 6 digits from the email',
  tooSoon: (seconds: number) => `You can ask for a new code in ${seconds} s.`,
  tooSoonNoTime: 'A code is already on its way. Wait a minute before asking for a new one.',
  offline:
    'Signing in needs an internet connection. We kept your address: try again once you are online.',
  linkExpired: 'The link from the email has expired or was already used. Ask for a new code.',
};
