import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { liveQuery, type Subscription } from 'dexie';
import {
  chooseCurrentOrganization,
  sortOrganizations,
  type OrganizationOption,
} from '../domain/current-organization.ts';
import { isRole } from '../domain/organization.ts';
import type { SyncEngine } from '../data/start-sync-engine.ts';
import { ContextConsumer } from '@lit/context';
import {
  CURRENT_ORGANIZATION_EVENT,
  readActingOrganization,
  readCurrentOrganization,
  writeCurrentOrganization,
} from './current-organization-storage.ts';
import { syncEngineContext } from './sync-engine-context.ts';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The organization the app shows for a person in several: their active
 * memberships from the local database (so it works offline), and the one they
 * chose, remembered per user in localStorage. When that membership ends (left,
 * removed, the club deleted) the choice falls back to the first club where they
 * are staff, then to the first of all (src/domain/current-organization.ts).
 * Every controller in the tab follows a choice made by any of them.
 */
export class CurrentOrganizationController implements ReactiveController {
  readonly #host: Host;
  readonly #engine: ContextConsumer<typeof syncEngineContext, Host>;
  #observed: SyncEngine | null = null;
  #subscription: Subscription | undefined;
  /** the user's organizations, by name; empty until the local database answers */
  organizations: OrganizationOption[] = [];
  /** whether the local database has answered for the current user */
  loaded = false;
  currentId: string | null = null;

  constructor(host: Host) {
    this.#host = host;
    this.#engine = new ContextConsumer(host, { context: syncEngineContext, subscribe: true });
    host.addController(this);
  }

  get current(): OrganizationOption | null {
    return this.organizations.find((o) => o.orgId === this.currentId) ?? null;
  }

  hostConnected(): void {
    window.addEventListener(CURRENT_ORGANIZATION_EVENT, this.#recompute);
    window.addEventListener('storage', this.#recompute);
  }

  hostUpdate(): void {
    const engine = this.#engine.value ?? null;
    if (engine === this.#observed) return;
    this.#subscription?.unsubscribe();
    this.#observed = engine;
    this.organizations = [];
    this.loaded = false;
    this.currentId = null;
    this.#subscription = engine ? this.#observe(engine) : undefined;
  }

  hostDisconnected(): void {
    window.removeEventListener(CURRENT_ORGANIZATION_EVENT, this.#recompute);
    window.removeEventListener('storage', this.#recompute);
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#observed = null;
  }

  /** make `orgId` current for this user (remembered across reloads) */
  select(orgId: string): void {
    const engine = this.#observed;
    if (!engine || !this.organizations.some((o) => o.orgId === orgId)) return;
    writeCurrentOrganization(engine.userId, orgId);
  }

  #observe(engine: SyncEngine): Subscription {
    return liveQuery(async (): Promise<OrganizationOption[]> => {
      const [memberships, organizations] = await Promise.all([
        engine.db.rows('memberships').where('user_id').equals(engine.userId).toArray(),
        engine.db.rows('organizations').toArray(),
      ]);
      const names = new Map(
        organizations
          .filter((o) => o['deleted_at'] == null)
          .map((o) => [o.id, typeof o['name'] === 'string' ? o['name'] : '']),
      );
      const options: OrganizationOption[] = [];
      for (const m of memberships) {
        const orgId = String(m['org_id']);
        const role = m['role'];
        const name = names.get(orgId);
        if (m['left_at'] != null || m['deleted_at'] != null || name === undefined) continue;
        if (isRole(role)) options.push({ orgId, name, role });
      }
      // a partner acting for a club reads it as one of its admins (the database's
      // rule, private.org_ids_with_role), without a membership of their own
      const acting = readActingOrganization(engine.userId);
      const actingName = acting === null ? undefined : names.get(acting);
      if (acting !== null && actingName !== undefined && !options.some((o) => o.orgId === acting)) {
        options.push({ orgId: acting, name: actingName, role: 'admin' });
      }
      return sortOrganizations(options);
    }).subscribe({
      next: (options) => {
        if (engine !== this.#observed) return;
        this.organizations = options;
        this.loaded = true;
        this.#recompute();
      },
      error: (e: unknown) => console.error('organizations query failed', e),
    });
  }

  readonly #recompute = (): void => {
    const engine = this.#observed;
    if (!engine) return;
    const remembered = readCurrentOrganization(engine.userId);
    const acting = readActingOrganization(engine.userId);
    this.currentId = chooseCurrentOrganization(this.organizations, remembered, acting);
    this.#host.requestUpdate();
  };
}
