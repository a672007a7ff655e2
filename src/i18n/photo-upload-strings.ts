// What the photo control (src/ui/photo-upload.ts) says, Russian first; the
// pages that use it (a coach's storefront settings) word upload failures with
// `problems`, whose keys are the reasons src/data/storage.ts answers.
import { localized } from './localized.ts';

export const photoUploadStrings = localized('photoUpload', {
  label: 'Фото',
  choose: 'Загрузить фото',
  replace: 'Сменить фото',
  uploading: 'Загружаем…',
  none: 'Фото пока нет',
  hint: 'JPEG, PNG, WebP или AVIF, до 5 МБ. Видно всем, кто откроет вашу страницу.',
  problems: {
    'wrong-type': 'Подойдёт только фото в формате JPEG, PNG, WebP или AVIF.',
    'too-large': 'Фото больше 5 МБ. Уменьшите его и попробуйте ещё раз.',
    empty: 'Файл пустой. Выберите другое фото.',
    denied: 'Загружать фото для страницы может только тренер.',
    'not-found': 'Фото не найдено: возможно, его уже удалили.',
    network: 'Нет связи с сервером. Проверьте интернет и попробуйте ещё раз.',
    unexpected: 'Не удалось загрузить фото. Попробуйте ещё раз.',
  },
} as const);
