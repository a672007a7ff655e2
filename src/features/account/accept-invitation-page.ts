import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { z } from 'zod';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';

const t = strings.acceptInvitation;

const schema = z.object({
  code: z
    .string()
    .trim()
    .min(1, strings.validation.required)
    .max(500, strings.validation.tooLong(500))
    .transform(codeFromInput),
});

/** a pasted invitation link `…/invite/<token>` gives its token; anything else is a code */
export function codeFromInput(input: string): string {
  const match = /\/invite\/([^/?#\s]+)/.exec(input);
  if (!match?.[1]) return input;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Joins an organization with an invitation code or token (`accept_invitation`
 * RPC). `/invite/<token>` opens it filled in; the user still confirms, so a link
 * opened by a mail scanner accepts nothing.
 */
@customElement('accept-invitation-page')
export class AcceptInvitationPage extends LitElement {
  static override styles = [sharedStyles];

  /** from the URL `/invite/<token>` */
  @property() token = '';

  readonly #client = new ContextConsumer(this, { context: supabaseContext });

  @state() private busy = false;
  @state() private errors: Record<string, string> = {};
  @state() private serverError = '';

  override render() {
    return html`
      <p><a href="/">← ${strings.back}</a></p>
      <h1>${t.title}</h1>
      ${
        this.serverError
          ? html`<ts-notice tone="error"><p>${this.serverError}</p></ts-notice>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        <ts-field
          name="code"
          label=${t.code}
          hint=${t.codeHint}
          autocomplete="off"
          required
          .value=${this.token}
          .error=${this.errors['code'] ?? ''}
        ></ts-field>
        <button class="button" type="submit" ?disabled=${this.busy}>${t.submit}</button>
      </form>
    `;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    if (this.busy || !client) return;
    const parsed = schema.safeParse(formValues(event.currentTarget as HTMLFormElement));
    this.serverError = '';
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await callRpc(client, 'accept_invitation', {
      p_code_or_token: parsed.data.code,
    });
    this.busy = false;
    if (result.ok) this.dispatchEvent(new NavigateEvent('/'));
    else this.serverError = result.error.message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'accept-invitation-page': AcceptInvitationPage;
  }
}
