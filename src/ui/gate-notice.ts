import { html, type TemplateResult } from 'lit';
import type { GateState } from '../domain/gate-state.ts';
import './ts-notice.ts';

/** a gated page's words for why it is not shown yet, in its feature's catalogue */
export interface GateWords {
  readonly offline: string;
  readonly forbidden: string;
  readonly loading: string;
}

/** what a gated page shows instead of itself, under its title, or null when it may show itself */
export function gateNotice(
  state: GateState,
  title: string,
  words: GateWords,
): TemplateResult | null {
  switch (state) {
    case 'ready':
      return null;
    case 'offline':
      return html`<h1>${title}</h1>
        <ts-notice><p>${words.offline}</p></ts-notice>`;
    case 'forbidden':
      return html`<h1>${title}</h1>
        <ts-notice><p>${words.forbidden}</p></ts-notice>`;
    case 'error':
      return html`<h1>${title}</h1>
        <ts-notice tone="error"><p>${words.offline}</p></ts-notice>`;
    default:
      return html`<h1>${title}</h1>
        <p class="muted" role="status">${words.loading}</p>`;
  }
}
