// A guest's paid purchase gets an account before its credits are granted: the
// account their email already has, or a new one made through the Auth admin API
// (no password: they sign in later by magic link or "forgot password", which
// also proves the address is theirs). The purchase is then attached to it and
// the account made a member of the club (public.guest_purchase_attach); only
// then does stripe_apply_event mark it paid and grant the credits to that
// account. Each step is idempotent, so a redelivered event or a retry after a
// failure between the steps ends the same way.
import { z } from 'zod';
import type { CreateAccount } from '../_shared/auth-admin.ts';
import type { Rpc } from '../_shared/rpc.ts';
import type { AppliedEvent } from './events.ts';

// {} when there is no guest to attach
const buyerSchema = z.object({
  purchaseId: z.uuid().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  locale: z.string().optional(),
  userId: z.uuid().nullable().optional(),
});

/** the account a paid guest purchase now belongs to, or null when it is not one */
export async function attachGuestBuyer(
  rpc: Rpc,
  createAccount: CreateAccount,
  event: AppliedEvent,
): Promise<string | null> {
  if (
    event.type !== 'checkout.session.completed' &&
    event.type !== 'checkout.session.async_payment_succeeded'
  ) {
    return null;
  }
  const found = async () =>
    buyerSchema.parse(await rpc('guest_purchase_buyer', { p_event: event }));
  const { purchaseId, email, name = '', locale = 'ru', userId: known } = await found();
  if (!purchaseId || !email) return null;
  let userId = known ?? (await createAccount({ email, name, locale }));
  if (!userId) {
    // created meanwhile (another delivery of this event, or the person signed up)
    userId = (await found()).userId ?? null;
  }
  if (!userId) throw new Error('the guest has no account and none could be made');
  await rpc('guest_purchase_attach', { p_purchase: purchaseId, p_user: userId });
  return userId;
}
