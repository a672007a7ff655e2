import { rankCategory, type Rank } from '../domain/rank.ts';

const medal: Record<ReturnType<typeof rankCategory>, string> = {
  none: '',
  youth: '🥉',
  adult: '🥈',
  elite: '🥇',
};

/** a rank as a card shows it: medal by category, without the word «разряд» */
export function rankBadge(rank: Rank): string {
  const m = medal[rankCategory(rank)];
  // «I юношеский» reads as a rank on a card; the word «разряд» only adds width
  const name = rank.replace(/ разряд$/, '');
  return m ? `${m} ${name}` : name;
}
