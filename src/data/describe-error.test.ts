import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../../app/english.ts';
import { useCatalogue } from '../../i18n/localized.ts';
import { refusalMessage } from './admin-refusal.ts';

afterEach(() => useCatalogue(null));

const lastOwner = {
  message: 'an organization needs at least one owner: make someone else an owner first',
  code: 'P0001',
};

describe('refusalMessage', () => {
  it('explains a known refusal in Russian, keeping the server’s words', () => {
    expect(refusalMessage(lastOwner, 400)).toBe(
      'В организации должен остаться хотя бы один владелец. Сначала сделайте владельцем кого-то ещё. ' +
        `(${lastOwner.message})`,
    );
  });

  it('explains it in English when English is chosen', () => {
    useCatalogue(english);
    expect(refusalMessage(lastOwner, 400)).toBe(
      'An organization needs at least one owner. Make someone else an owner first.',
    );
    expect(refusalMessage({ message: 'you cannot remove someone ranked above you' }, 403)).toBe(
      'You cannot change the role of, or remove, someone ranked above you.',
    );
  });

  it('says the network failed when the request never arrived, and passes other errors on', () => {
    expect(refusalMessage(new TypeError('Failed to fetch'))).toContain('Нет связи с сервером');
    expect(refusalMessage({ message: 'something new' }, 400)).toBe('something new');
  });
});
