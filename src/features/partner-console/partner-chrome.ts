// What every reseller console page shares: finding the partner organization
// the user manages (online), the links between the console's pages, the
// "resellers only" and offline notices, and the styles of forms and tables.
import { ContextConsumer } from '@lit/context';
import {
  css,
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { LitElement } from 'lit';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { loadAdminChrome } from '../admin/index.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings as t } from './partner-console-strings.ts';
import { loadMyResellers, type Reseller } from './partner-console-data.ts';

const { adminStyles } = await loadAdminChrome();

export type ConsoleSection = 'clients' | 'new' | 'link' | 'audit';

export const consoleStyles = [
  adminStyles,
  css`
    .table-wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    /* a phone reads each row as a card of labelled values, not a table wider than the screen */
    @media (max-width: 40rem) {
      table.cards-narrow thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      table.cards-narrow tr {
        display: grid;
        gap: var(--ts-space-1);
        padding: var(--ts-space-3) 0;
        border-bottom: 1px solid var(--ts-color-border);
      }
      table.cards-narrow th,
      table.cards-narrow td {
        display: grid;
        grid-template-columns: minmax(6rem, 40%) 1fr;
        gap: var(--ts-space-3);
        padding: 0;
        border: none;
        text-align: start;
      }
      table.cards-narrow th {
        display: block;
      }
      table.cards-narrow td[data-label]::before {
        content: attr(data-label);
        color: var(--ts-color-muted);
      }
      table.cards-narrow td.num {
        text-align: start;
      }
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: var(--ts-space-2);
    }
    th,
    td {
      text-align: start;
      padding: var(--ts-space-2);
      border-bottom: 1px solid var(--ts-color-border);
      vertical-align: top;
    }
    td.num,
    th.num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .check {
      display: flex;
      align-items: center;
      gap: var(--ts-space-2);
      font-weight: 600;
      min-height: 44px;
    }
    .check input {
      flex: none;
      min-height: auto;
      width: 1.25rem;
      height: 1.25rem;
    }
    .hint {
      color: var(--ts-color-muted);
      font-weight: 400;
    }
    .error:empty {
      display: none;
    }
    .error {
      color: var(--ts-color-danger);
      margin: 0;
      font-weight: 600;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--ts-space-1) var(--ts-space-3);
      margin: 0;
    }
    dt {
      color: var(--ts-color-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
];

type ResellerState =
  | { status: 'loading' }
  | { status: 'ready'; reseller: Reseller | null }
  | { status: 'error'; message: string };

/**
 * The reseller the user manages (the first, by name, when there are several),
 * loaded once the Supabase client is there and the network is up.
 */
export class ResellerController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #supabase: ContextConsumer<typeof supabaseContext, LitElement>;
  readonly online: OnlineController;
  state: ResellerState = { status: 'loading' };
  #started = false;

  constructor(host: LitElement) {
    this.#host = host;
    this.#supabase = new ContextConsumer(host, { context: supabaseContext, subscribe: true });
    this.online = new OnlineController(host);
    host.addController(this);
  }

  get client(): AppClient | undefined {
    return this.#supabase.value;
  }

  get reseller(): Reseller | null {
    return this.state.status === 'ready' ? this.state.reseller : null;
  }

  hostUpdate(): void {
    if (!this.#started && this.client && this.online.online) {
      this.#started = true;
      void this.#load(this.client);
    }
  }

  async #load(client: AppClient): Promise<void> {
    const result = await loadMyResellers(client);
    this.state = result.ok
      ? { status: 'ready', reseller: result.data[0] ?? null }
      : { status: 'error', message: partnerRefusal(result.error) };
    this.#host.requestUpdate();
  }
}

/** what to show instead of a console page; null when the page may render */
export function consoleGate(c: ResellerController, title: string): TemplateResult | null {
  if (!c.online.online) {
    return html`<h1>${title}</h1>
      <ts-notice><p>${t.offline}</p></ts-notice>`;
  }
  if (c.state.status === 'loading') return html`<p class="muted" role="status">${t.loading}</p>`;
  if (c.state.status === 'error') {
    return html`<h1>${title}</h1>
      <ts-notice tone="error"><p>${c.state.message}</p></ts-notice>`;
  }
  if (!c.state.reseller) {
    return html`<h1>${title}</h1>
      <ts-notice><p>${t.notReseller}</p></ts-notice>`;
  }
  return null;
}

/** the partner's name and the links between the console's pages */
export function consoleHeader(reseller: Reseller, active: ConsoleSection): TemplateResult {
  const link = (section: ConsoleSection, href: string, label: string) =>
    html`<li>
      <a href=${href} aria-current=${active === section ? 'page' : 'false'}>${label}</a>
    </li>`;
  return html`<p class="org">${t.partner(reseller.name)}</p>
    <nav aria-label=${t.partner(reseller.name)}>
      <ul>
        ${link('clients', '/partner/clients', t.nav.clients)}
        ${link('new', '/partner/clients/new', t.nav.newClient)}
        ${link('link', '/partner/link', t.nav.link)} ${link('audit', '/partner/audit', t.nav.audit)}
      </ul>
    </nav>`;
}

/** a date and time in the user's language */
export function formatWhen(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDate(iso: string, locale: string): string {
  return new Date(iso).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** revenue by currency, in major units, e.g. "12 500,00 ₽" */
export function formatRevenue(revenue: Record<string, number>, locale: string): string {
  const parts = Object.entries(revenue)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
      } catch {
        return `${(minor / 100).toFixed(2)} ${currency}`;
      }
    });
  return parts.length ? parts.join(', ') : t.list.noRevenue;
}
