// Moving several athletes to one group at once (the roster's select mode): which
// of the chosen athletes change, and the count the coach is told. Each move is
// one local edit of one athlete, so a move offline queues one change per athlete
// and each is accepted or refused on its own (the server refuses a group of
// another club: 20261206130000_same_club_references.sql).

export interface MovableAthlete {
  id: string;
  groupId: string | null;
}

export interface GroupMovePlan {
  /** the athletes whose group changes */
  move: string[];
  /** chosen, but already in the target group */
  already: number;
}

/** the plan for moving the chosen athletes (in roster order) to `targetGroupId` */
export function planGroupMove(
  athletes: readonly MovableAthlete[],
  chosen: ReadonlySet<string>,
  targetGroupId: string,
): GroupMovePlan {
  const picked = athletes.filter((a) => chosen.has(a.id));
  const move = picked.filter((a) => a.groupId !== targetGroupId).map((a) => a.id);
  return { move, already: picked.length - move.length };
}

/** the chosen ids that are still among the athletes shown (a filter may hide some) */
export function keepChosen(chosen: ReadonlySet<string>, shownIds: readonly string[]): Set<string> {
  return new Set(shownIds.filter((id) => chosen.has(id)));
}
