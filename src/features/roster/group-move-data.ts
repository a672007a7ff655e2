// What moving several athletes needs from the device: the groups of a club the
// user may put athletes in (all of them for its admins and owners, the groups
// they coach for a coach: row-level security refuses any other move), and the
// moves themselves, one local edit per athlete.
import { planGroupMove, type MovableAthlete } from '../../domain/group-move.ts';
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import { liveRows, liveRowsWhere, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface MoveTarget {
  id: string;
  orgId: string;
  name: string;
}

const byName = new Intl.Collator('ru');

/** the groups the user may move athletes into, of every club (the page keeps the current one's) */
export function observeMoveTargets(
  engine: SyncEngine,
  onChange: (targets: MoveTarget[]) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<MoveTarget[]> => {
      const db = engine.db;
      const [groups, coached, mine] = await Promise.all([
        liveRows(db, 'training_groups'),
        liveRowsWhere(db, 'training_group_coaches', 'user_id', [engine.userId]),
        myMemberships(db),
      ]);
      const admin = new Set(
        mine.filter((m) => isRole(m.role) && hasRoleAtLeast(m.role, 'admin')).map((m) => m.org_id),
      );
      const coaches = new Set(coached.map((c) => c.group_id));
      return groups
        .filter((g) => admin.has(g.org_id) || coaches.has(g.id))
        .map((g) => ({ id: g.id, orgId: g.org_id, name: g.name }))
        .sort((a, b) => byName.compare(a.name, b.name));
    },
    onChange,
    'move targets',
  );
}

/**
 * Moves the chosen athletes to the group: one queued change per athlete whose
 * group changes, offline too. Returns how many moved and how many were there.
 */
export async function moveAthletes(
  engine: SyncEngine,
  athletes: readonly MovableAthlete[],
  chosen: ReadonlySet<string>,
  groupId: string,
): Promise<{ moved: number; already: number }> {
  const plan = planGroupMove(athletes, chosen, groupId);
  for (const id of plan.move) {
    await engine.change({ table: 'athletes', op: 'update', id, patch: { group_id: groupId } });
  }
  return { moved: plan.move.length, already: plan.already };
}
