import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterFirstDraw } from '../data/first-draw.ts';
import { strings } from '../i18n/shell-strings.ts';
import { sharedStyles } from '../ui/shared-styles.ts';
// <today-workout>: an athlete's workout of the day, before anything else
import '../features/workouts/index.ts';

/**
 * The home: an athlete's workout of the day first, drawn from the device, then
 * the rest of the page (<home-hub>: organizations, where to go, sign-out). The
 * rest names a link of nearly every feature, so its chunk and their strings
 * load once the workout is on screen (or there is none), not in front of it.
 */
@customElement('home-page')
export class HomePage extends LitElement {
  static override styles = sharedStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    afterFirstDraw(() => {
      import('./home-hub.ts').catch((error: unknown) => {
        console.error('the home page failed to load', error);
      });
    });
  }

  override render() {
    return html`
      <h1>${strings.home.title}</h1>
      <today-workout></today-workout>
      <home-hub></home-hub>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'home-page': HomePage;
  }
}
