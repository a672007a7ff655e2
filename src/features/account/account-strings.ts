/** Russian copy for signing in without a password: a code from an email, and a password reset. */
import { localized } from '../../i18n/localized.ts';

export const accountStrings = localized('account', {
  code: {
    open: 'Войти по коду из письма',
    title: 'Вход по коду',
    intro: 'Пришлём на вашу почту шестизначный код. Пароль не нужен.',
    send: 'Прислать код',
    sent: (email: string) =>
      `Если у адреса ${email} есть аккаунт, мы отправили на него письмо с кодом. Код действует один час.`,
    code: 'Код из письма',
    codeHint: '6 цифр',
    submit: 'Войти',
    resend: 'Прислать новый код',
    otherEmail: 'Другой адрес',
    back: 'Войти с паролем',
  },
  recovery: {
    open: 'Забыли пароль?',
    title: 'Сброс пароля',
    intro: 'Пришлём на вашу почту код. С ним вы зададите новый пароль и сразу войдёте.',
    send: 'Прислать код для сброса',
    code: 'Код из письма',
    newPassword: 'Новый пароль',
    // hosted Auth asks for 8 (config.toml minimum_password_length): a shorter one
    // would be refused after the code had already signed the person in
    passwordHint: 'Не короче 8 символов',
    passwordTooShort: 'Пароль должен быть не короче 8 символов',
    submit: 'Сохранить пароль и войти',
  },
  codeWrong: 'Код неверный или устарел. Введите код из последнего письма или запросите новый.',
  codeShape: 'Код — это 6 цифр из письма',
  tooSoon: (seconds: number) => `Новый код можно запросить через ${seconds} с.`,
  tooSoonNoTime: 'Код уже отправлен. Подождите минуту, прежде чем запросить новый.',
  offline:
    'Для входа нужна связь с интернетом. Адрес мы сохранили — попробуйте, когда связь появится.',
  linkExpired: 'Ссылка из письма устарела или уже использована. Запросите новый код.',
} as const);
