// What a failed request says to the user, in one place for every feature: the
// network, the booking RPCs' hints, the admin RPCs' refusals and the auth and
// invitation messages we can say better than the server. `describeError`
// (src/data/describe-error.ts) picks the entry; the server's own words stay
// beside a Russian explanation so support can search for them.
import type { AdminRefusal } from '../domain/membership-admin.ts';
import { localized } from './localized.ts';

const refusals: Record<AdminRefusal, string> = {
  lastOwner:
    'В организации должен остаться хотя бы один владелец. Сначала сделайте владельцем кого-то ещё.',
  onlyAdmins: 'Это могут только администраторы и владельцы организации.',
  rankedAbove: 'Нельзя менять роль или удалять участника, чья роль выше вашей.',
  roleAboveOwn: 'Нельзя выдать роль выше своей.',
  revokeAboveOwn: 'Нельзя отозвать приглашение на роль выше вашей.',
  noLongerMember: 'Этот человек уже не состоит в организации.',
  membershipNotFound: 'Участник не найден: возможно, его уже удалили.',
  invitationNotFound: 'Приглашение не найдено.',
  unknownRole: 'Неизвестная роль.',
  expiryPast: 'Срок приглашения должен закончиться в будущем.',
  expiryTooLong: 'Приглашение может действовать не больше 90 дней.',
  maxUses: 'Приглашение можно использовать от 1 до 1000 раз.',
  coachNotStaff: 'Вести группу может только тренер, администратор или владелец организации.',
};

// Server messages we can say better in Russian. The server's own text is still
// shown beside the translation, so support can search for it.
const serverMessages: [RegExp, string][] = [
  [/^Invalid login credentials$/, 'Неверный email или пароль'],
  [/^User already registered$/, 'Пользователь с таким email уже зарегистрирован'],
  [/^Email not confirmed$/, 'Email не подтверждён'],
  [/^the slug ".*" is taken/, 'Этот адрес уже занят, выберите другой'],
  [/^invitation not found/, 'Приглашение не найдено: проверьте код или попросите новую ссылку'],
  [/^this invitation has been revoked/, 'Приглашение отозвано: попросите новое'],
  [/^this invitation expired/, 'Срок приглашения истёк: попросите новое'],
  [/^this invitation has already been used/, 'Приглашение уже использовано: попросите новое'],
  [/^you are already a member/, 'Вы уже состоите в этой организации'],
];

export const errorStrings = localized('errors', {
  network: 'Нет связи с сервером. Проверьте интернет и попробуйте ещё раз.',
  unexpected: 'Что-то пошло не так. Попробуйте ещё раз.',
  /** a known refusal in our words, the server's kept beside it */
  explain: (explanation: string, server: string) => `${explanation} (${server})`,
  refusal: (key: AdminRefusal) => refusals[key],
  /** any other server message: our wording where we have one, plus the server's own */
  server(message: string): string {
    const known = serverMessages.find(([pattern]) => pattern.test(message))?.[1];
    return known ? `${known} (${message})` : message;
  },
  booking: {
    slotTaken: 'Это время уже заняли. Выберите другое.',
    tooSoon: 'Слишком поздно: на это время уже нельзя записаться.',
    beyondHorizon: 'Так далеко вперёд записаться нельзя.',
    outsideAvailability: 'Тренер в это время не принимает.',
    blocked: 'Тренер в это время недоступен.',
    notBookable: 'Этот тренер пока не принимает записи.',
    cancellationWindow:
      'Отменить уже нельзя: до начала осталось меньше, чем разрешает тренер. Напишите тренеру.',
    sessionFull: 'Мест больше нет.',
  },
  /** partnership features (feature flags, seat pools) */
  partnerships: {
    featureDisabled: 'Эта возможность отключена для вашей организации.',
    poolFull: 'Свободных мест в этом пакете больше нет.',
    seatTaken: 'У этого участника уже есть место в этом пакете.',
    notAMember: 'Место можно получить только участнику клуба.',
    challengeOver: 'Этот челлендж уже закончился.',
    notJoined: 'Сначала присоединитесь к челленджу.',
  },
} as const);
