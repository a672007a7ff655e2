// The volume price of a club's seat pool, like TrainingPeaks' coach-paid athlete
// seats (reference/partners.md §5.1): the more seats bought at once, the less
// each costs. The same tiers as private.seat_volume_percent and the same rounding
// as private.seat_volume_price (20261207180000_seat_pool_checkout.sql); the
// database's quote is the price charged, this one shows the tiers before asking it
// (tests/db/seat-volume-price-agreement.test.ts).

export const MIN_SEATS = 1;
export const MAX_SEATS = 10_000;

/** the tiers, from the most seats down: at least `from` seats → `percentOff` */
export const SEAT_VOLUME_TIERS: readonly { from: number; percentOff: number }[] = [
  { from: 200, percentOff: 30 },
  { from: 100, percentOff: 20 },
  { from: 50, percentOff: 15 },
  { from: 20, percentOff: 10 },
  { from: 10, percentOff: 5 },
  { from: 1, percentOff: 0 },
];

/** the percent off the list price for `seats` seats */
export function seatVolumePercent(seats: number): number {
  return SEAT_VOLUME_TIERS.find((t) => seats >= t.from)?.percentOff ?? 0;
}

/** the price of one seat in minor units: the list price less the tier, rounded down */
export function seatVolumePrice(listMinor: number, seats: number): number {
  return Math.floor((listMinor * (100 - seatVolumePercent(seats))) / 100);
}

export interface SeatQuote {
  seats: number;
  percentOff: number;
  perSeatMinor: number;
  totalMinor: number;
}

export function seatQuote(listMinor: number, seats: number): SeatQuote {
  const perSeatMinor = seatVolumePrice(listMinor, seats);
  return {
    seats,
    percentOff: seatVolumePercent(seats),
    perSeatMinor,
    totalMinor: perSeatMinor * seats,
  };
}

/** the seats of the tier `seats` falls in: [from, to] (to null: no upper bound) */
export function seatVolumeTier(seats: number): {
  from: number;
  to: number | null;
  percentOff: number;
} {
  const i = SEAT_VOLUME_TIERS.findIndex((t) => seats >= t.from);
  const tier = SEAT_VOLUME_TIERS[i] ?? { from: 1, percentOff: 0 };
  const above = i > 0 ? SEAT_VOLUME_TIERS[i - 1] : undefined;
  return { from: tier.from, to: above ? above.from - 1 : null, percentOff: tier.percentOff };
}

export function isSeatCount(seats: number): boolean {
  return Number.isInteger(seats) && seats >= MIN_SEATS && seats <= MAX_SEATS;
}
