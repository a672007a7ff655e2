import { LitElement, css, html, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.ts';
import { CurrentOrganizationController } from '../state/current-organization-controller.ts';
import { strings } from '../i18n/shell-strings.ts';
import { currentTab, mainTabs, type TabName } from './main-tabs.ts';
import { ContextConsumer } from '@lit/context';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { readMyOrganizationsCache } from '../state/my-organizations-cache.ts';
import { readCurrentOrganization } from '../state/current-organization-storage.ts';
import {
  chooseCurrentOrganization,
  sortOrganizations,
  type OrganizationOption,
} from '../domain/current-organization.ts';
import { isRole } from '../domain/organization.ts';

// 24 × 24 outlines drawn with currentColor, so the current tab's colour carries to them
const icons: Record<TabName, SVGTemplateResult> = {
  today: svg`<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 9.5h17M8 3v4M16 3v4M9 14.5l2 2 4-4"/>`,
  roster: svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.5-3.6 3.2-5.5 6.5-5.5s6 1.9 6.5 5.5"/><circle cx="17" cy="9" r="2.5"/><path d="M17 14.5c2.4 0 4 1.5 4.5 4"/>`,
  calendar: svg`<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 9.5h17M8 3v4M16 3v4M7.5 13h2M11 13h2M14.5 13h2M7.5 16.5h2M11 16.5h2"/>`,
  club: svg`<path d="M4 20.5V9.5L12 4l8 5.5v11"/><path d="M9.5 20.5v-6h5v6M2.5 20.5h19"/>`,
  me: svg`<circle cx="12" cy="12" r="8.5"/><path d="M12 7v5.5l3.5 2"/>`,
  book: svg`<circle cx="12" cy="12" r="8.5"/><path d="M12 8v8M8 12h8"/>`,
  bookings: svg`<path d="M8.5 6.5h12M8.5 12h12M8.5 17.5h12"/><circle cx="4.5" cy="6.5" r="1"/><circle cx="4.5" cy="12" r="1"/><circle cx="4.5" cy="17.5" r="1"/>`,
  purchases: svg`<path d="M5 8h14l-1 12.5H6L5 8z"/><path d="M9 8V6.5a3 3 0 0 1 6 0V8"/>`,
  more: svg`<circle cx="5.5" cy="12" r="1.5"/><circle cx="12" cy="12" r="1.5"/><circle cx="18.5" cy="12" r="1.5"/>`,
};

/**
 * The bottom tab bar: the current organization's main places for the user's
 * role there, one tap from any signed-in page. The role comes from the local
 * database, so the bar works offline; the current tab carries
 * `aria-current="page"`. Its own chunk, loaded once a session's engine runs.
 */
@customElement('tab-bar')
export class TabBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset-inline: 0;
        bottom: 0;
        z-index: 9;
        background: var(--ts-color-surface);
        border-top: 1px solid var(--ts-color-border);
        padding-bottom: env(safe-area-inset-bottom);
        box-shadow: 0 -2px 12px rgb(0 0 0 / 6%);
      }
      :host([hidden]) {
        display: none;
      }
      ul {
        list-style: none;
        margin: 0 auto;
        padding: 0;
        max-width: 40rem;
        display: flex;
      }
      li {
        flex: 1 1 0;
        min-width: 0;
      }
      a {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2px;
        min-height: 56px;
        padding: var(--ts-space-1) 1px;
        color: var(--ts-color-muted);
        text-decoration: none;
        font-size: 0.75rem;
        font-weight: 600;
        line-height: 1.2;
        text-align: center;
      }
      a span {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      a[aria-current='page'] {
        color: var(--ts-color-brand);
      }
      /* the current tab is told by more than its colour */
      a[aria-current='page'] svg {
        background: var(--ts-color-brand-soft);
      }
      svg {
        width: 40px;
        height: 26px;
        padding: 1px 8px;
        border-radius: 999px;
        fill: none;
        stroke: currentColor;
        stroke-width: 1.75;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      a:focus-visible {
        outline-offset: -3px;
      }
    `,
  ];

  /** the current URL's path, to mark its tab */
  @property() path = '/';

  readonly #organization = new CurrentOrganizationController(this);
  readonly #engine = new ContextConsumer(this, { context: syncEngineContext, subscribe: true });

  override render() {
    // until the local database answers, no tabs rather than the wrong role's
    if (!this.#organization.loaded) return html``;
    const organization = this.#organization.current ?? this.#cachedOrganization();
    const tabs = mainTabs(organization?.role ?? null, organization?.orgId ?? null);
    const current = currentTab(tabs, this.path);
    const t = strings.tabs;
    return html`<nav aria-label=${t.label}>
      <ul>
        ${tabs.map(
          (tab) =>
            html`<li>
              <a
                href=${tab.href}
                data-tab=${tab.name}
                aria-current=${tab.name === current ? 'page' : 'false'}
                ><svg viewBox="0 0 24 24" aria-hidden="true">${icons[tab.name]}</svg
                ><span>${t[tab.name]}</span></a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  #cachedOrganization(): OrganizationOption | null {
    if (this.#organization.organizations.length > 0) return null;
    const userId = this.#engine.value?.userId;
    return userId ? cachedOrganizationOf(userId) : null;
  }
}

/**
 * Right after signing in, the memberships are still on their way in the first
 * sync: the home page's last list of the user's clubs (kept per user) tells the
 * role meanwhile.
 */
function cachedOrganizationOf(userId: string): OrganizationOption | null {
  const options = sortOrganizations(
    (readMyOrganizationsCache(userId) ?? []).flatMap((o) =>
      isRole(o.role) ? [{ orgId: o.orgId, name: o.name, role: o.role }] : [],
    ),
  );
  const id = chooseCurrentOrganization(options, readCurrentOrganization(userId));
  return options.find((o) => o.orgId === id) ?? null;
}

declare global {
  interface HTMLElementTagNameMap {
    'tab-bar': TabBar;
  }
}
