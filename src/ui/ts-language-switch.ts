import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LOCALE_NAMES, otherLocale, type Locale } from '../domain/locale.ts';
import { sharedStyles } from './shared-styles.ts';

/** fired when the user picks the other language */
export class LocaleChangeEvent extends Event {
  constructor(readonly locale: Locale) {
    super('locale-change', { bubbles: true, composed: true });
  }
}

/**
 * @summary A button that offers the other interface language, named in that
 * language ("English" on a Russian screen, "Русский" on an English one) so a
 * reader of either finds it.
 *
 * @fires locale-change - `LocaleChangeEvent` with the language picked
 */
@customElement('ts-language-switch')
export class TsLanguageSwitch extends LitElement {
  static override styles = sharedStyles;

  /** the language the page is in */
  @property() locale: Locale = 'ru';

  override render() {
    const target = otherLocale(this.locale);
    return html`<button
      class="link-button"
      type="button"
      lang=${target}
      @click=${() => this.dispatchEvent(new LocaleChangeEvent(target))}
    >
      ${LOCALE_NAMES[target]}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-language-switch': TsLanguageSwitch;
  }
  interface HTMLElementEventMap {
    'locale-change': LocaleChangeEvent;
  }
}
