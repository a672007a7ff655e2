// The pwa benches' baseline: a page with nothing but Lit — one element, one
// render — served like the app (precached by the app's service worker, so it
// opens offline). Its JavaScript, cold start and Lighthouse scores are the floor
// the roster route is compared with.
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

@customElement('bare-lit-page')
export class BareLitPage extends LitElement {
  override render() {
    return html`<main>
      <h1>Lit</h1>
      <p>Только Lit.</p>
    </main>`;
  }
}

if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js');

declare global {
  interface HTMLElementTagNameMap {
    'bare-lit-page': BareLitPage;
  }
}
