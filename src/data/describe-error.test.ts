import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../app/english.ts';
import { useCatalogue } from '../i18n/localized.ts';
import { describeError } from './describe-error.ts';

afterEach(() => useCatalogue(null));

const lastOwner = {
  message: 'an organization needs at least one owner: make someone else an owner first',
  code: 'P0001',
};
const refusalMessage = (error: unknown, status?: number) => describeError(error, status).message;
const bookingErrorMessage = refusalMessage;

describe('admin refusals', () => {
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

describe('booking errors', () => {
  it('say what the RPC hint means, in the interface language', () => {
    const taken = {
      message: 'this time is no longer available',
      code: '23P01',
      hint: 'slot_taken',
    };
    expect(bookingErrorMessage(taken, 409)).toBe('Это время уже заняли. Выберите другое.');
    useCatalogue(english);
    expect(bookingErrorMessage(taken, 409)).toBe('This time was just taken. Choose another.');
    expect(
      bookingErrorMessage({
        message: 'too late',
        code: 'P0001',
        hint: 'cancellation_window_passed',
      }),
    ).toMatch(/^Too late to cancel/);
  });

  it('treat a bare exclusion violation as a taken slot and keep other server words', () => {
    expect(bookingErrorMessage({ message: 'conflicting key value', code: '23P01' })).toBe(
      'Это время уже заняли. Выберите другое.',
    );
    expect(bookingErrorMessage({ message: 'something odd', code: 'XX000' }, 500)).toContain(
      'something odd',
    );
  });
});

describe('server messages', () => {
  it('say an auth message we know in Russian beside the server’s, and the server’s in English', () => {
    const wrong = { message: 'Invalid login credentials', code: 'invalid_credentials' };
    expect(describeError(wrong, 400).message).toBe(
      'Неверный email или пароль (Invalid login credentials)',
    );
    useCatalogue(english);
    expect(describeError(wrong, 400).message).toBe('Invalid login credentials');
  });

  it('keep the code, hint and raw words for the page, and fall back when there is no message', () => {
    const d = describeError({ message: 'x', code: 'P0001', hint: 'h', details: 'd' }, 400);
    expect(d).toMatchObject({ code: 'P0001', hint: 'h', details: 'd', raw: 'x', network: false });
    expect(describeError(42).message).toBe('Что-то пошло не так. Попробуйте ещё раз.');
  });
});

describe('Auth errors, as supabase-js makes them', () => {
  it('reads a retryable fetch failure as the network, and an Auth refusal as the server’s', async () => {
    const { AuthApiError, AuthRetryableFetchError } = await import('@supabase/supabase-js');
    const offline = describeError(new AuthRetryableFetchError('Failed to fetch', 0));
    expect(offline.network).toBe(true);
    const refused = describeError(
      new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'),
    );
    expect(refused.network).toBe(false);
    expect(refused.code).toBe('invalid_credentials');
    expect(refused.raw).toBe('Invalid login credentials');
  });
});

describe('partnership refusals', () => {
  it('say a feature turned off for the organization in one way, whatever refused it', () => {
    const off = {
      message: 'the feature running_clubs is turned off for this organization',
      code: 'P0001',
      hint: 'feature_disabled',
      details: 'running_clubs',
    };
    expect(refusalMessage(off, 400)).toBe('Эта возможность отключена для вашей организации.');
    useCatalogue(english);
    expect(refusalMessage(off, 400)).toBe('This feature is turned off for your organization.');
    expect(refusalMessage({ message: 'no seats', code: 'P0001', hint: 'pool_full' }, 400)).toBe(
      'No seats are left in this pool.',
    );
  });
});
