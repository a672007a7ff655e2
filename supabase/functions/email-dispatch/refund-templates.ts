// booking_refunded: a payment arrived after its booking's 10-minute hold had been
// released and someone else had taken the time, so the money went back. One email
// to the customer and one to the coach, Russian or English. Transactional: no
// switch in the email settings, so no footer pointing at one.
import type { Locale } from '../../../src/domain/locale.ts';

type Payload = Record<string, unknown>;

export interface RefundEmailParts {
  /** the session's time and place as the other templates write it */
  when: string;
  /** the amount in the payment's currency */
  amount: string;
}

/** whether the email goes to the coach (the payload says who booked) */
function toCoach(payload: Payload): boolean {
  return payload['recipient'] === 'coach';
}

export function renderRefundEmail(
  locale: Locale,
  payload: Payload,
  parts: RefundEmailParts,
): { subject: string; text: string } {
  const who =
    typeof payload['memberName'] === 'string'
      ? payload['memberName']
      : locale === 'ru'
        ? 'клиент'
        : 'a client';
  const coach = toCoach(payload);
  if (locale === 'ru') {
    return {
      subject: coach ? 'Оплата записи возвращена' : 'Оплата возвращена: время уже занято',
      text: coach
        ? `${who} оплатил(а) тренировку ${parts.when} после того, как бронь истекла, а время было уже занято. Оплата ${parts.amount} возвращена автоматически; запись не создана.\n\n— Trackside`
        : `Ваша оплата ${parts.amount} пришла после того, как 10-минутная бронь на ${parts.when} истекла, и это время уже занято. Деньги возвращены на карту автоматически (обычно 5–10 дней). Выберите, пожалуйста, другое время.\n\n— Trackside`,
    };
  }
  return {
    subject: coach ? 'A booking payment was refunded' : 'Payment refunded: the time was taken',
    text: coach
      ? `${who} paid for the session on ${parts.when} after the hold had expired and the time was taken. The payment of ${parts.amount} was refunded automatically; no booking was made.\n\n— Trackside`
      : `Your payment of ${parts.amount} arrived after the 10-minute hold on ${parts.when} had expired, and the time is now taken. The money was refunded to your card automatically (usually 5–10 days). Please pick another time.\n\n— Trackside`,
  };
}
