/** how a status chip is coloured: by what the status means for the reader */
export type StatusTone = 'success' | 'warning' | 'danger' | 'neutral';

// one table for bookings, sessions and purchases: the same word means the same colour everywhere
const tones: Record<string, StatusTone> = {
  confirmed: 'success',
  scheduled: 'success',
  paid: 'success',
  active: 'success',
  pending: 'warning',
  no_show: 'warning',
  failed: 'danger',
  cancelled: 'danger',
  canceled: 'danger',
  cancelled_by_member: 'danger',
  cancelled_by_coach: 'danger',
  completed: 'neutral',
  refunded: 'neutral',
  expired: 'neutral',
};

/** the tone of a stored status (bookings, sessions, purchases); unknown ones stay neutral */
export function statusTone(status: string): StatusTone {
  return tones[status] ?? 'neutral';
}
