import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { z } from 'zod';
import { labelInput, refineLabel } from '../../domain/clean-text.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { describeError } from '../../data/describe-error.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { chooseLocale, currentLocale } from '../../i18n/locale.ts';
import '../../ui/ts-language-switch.ts';
import type { LocaleChangeEvent } from '../../ui/ts-language-switch.ts';

const t = strings.signIn;
const v = strings.validation;

const signInSchema = z.object({
  email: z.string().trim().min(1, v.required).pipe(z.email(v.email)),
  password: z.string().min(1, v.required),
});
// Supabase Auth's default minimum; the server has the last word
const signUpSchema = signInSchema.extend({
  password: z.string().min(6, v.passwordTooShort),
  // the profile takes only a clean label (private.is_clean_label); composed first
  displayName: z
    .string()
    .trim()
    .min(1, v.required)
    .max(100, v.tooLong(100))
    .overwrite(labelInput)
    .superRefine(refineLabel),
});

/**
 * Email + password sign-in, and sign-up (with a display name) behind a toggle.
 * On success the auth session changes and the shell shows where the user was going.
 */
@customElement('sign-in-page')
export class SignInPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .intro {
        margin-bottom: var(--ts-space-5);
      }
      .tagline {
        color: var(--ts-color-muted);
      }
      form {
        margin-bottom: var(--ts-space-3);
      }
      .submit {
        margin-top: var(--ts-space-2);
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });

  @state() private signUp = false;
  @state() private busy = false;
  @state() private errors: Record<string, string> = {};
  @state() private serverError = '';
  @state() private notice = '';

  override render() {
    return html`
      <div class="intro">
        <h1>${this.signUp ? t.signUpTitle : t.title}</h1>
        <p class="tagline">${strings.appTagline}</p>
      </div>
      ${
        this.serverError
          ? html`<ts-notice tone="error"><p>${this.serverError}</p></ts-notice>`
          : nothing
      }
      ${this.notice ? html`<ts-notice tone="success"><p>${this.notice}</p></ts-notice>` : nothing}
      <form novalidate @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        ${
          this.signUp
            ? html`<ts-field
                name="displayName"
                label=${t.displayName}
                hint=${t.displayNameHint}
                autocomplete="name"
                required
                .error=${this.errors['displayName'] ?? ''}
              ></ts-field>`
            : nothing
        }
        <ts-field
          name="email"
          type="email"
          label=${t.email}
          autocomplete="email"
          inputmode="email"
          required
          .error=${this.errors['email'] ?? ''}
        ></ts-field>
        <ts-field
          name="password"
          type="password"
          label=${t.password}
          hint=${this.signUp ? t.passwordHint : ''}
          autocomplete=${this.signUp ? 'new-password' : 'current-password'}
          required
          .error=${this.errors['password'] ?? ''}
        ></ts-field>
        <button class="button block submit" type="submit" ?disabled=${this.busy}>
          ${this.signUp ? t.submitSignUp : t.submit}
        </button>
      </form>
      <button class="link-button" type="button" @click=${this.toggleMode}>
        ${this.signUp ? t.toSignIn : t.toSignUp}
      </button>
      <ts-language-switch
        locale=${currentLocale}
        @locale-change=${(e: LocaleChangeEvent) => chooseLocale(e.locale)}
      ></ts-language-switch>
    `;
  }

  private toggleMode(): void {
    this.signUp = !this.signUp;
    this.errors = {};
    this.serverError = '';
    this.notice = '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    if (this.busy || !client) return;
    const form = event.currentTarget as HTMLFormElement;
    const parsed = (this.signUp ? signUpSchema : signInSchema).safeParse(formValues(form));
    this.serverError = '';
    this.notice = '';
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const { email, password } = parsed.data;
      if ('displayName' in parsed.data) {
        const { data, error } = await client.auth.signUp({
          email,
          password,
          options: { data: { display_name: parsed.data.displayName } },
        });
        if (error) this.serverError = describeError(error).message;
        // with email confirmation on, there is no session until the link is opened
        else if (!data.session) this.notice = t.checkEmail;
      } else {
        const { error } = await client.auth.signInWithPassword({ email, password });
        if (error) this.serverError = describeError(error).message;
      }
    } catch (error) {
      this.serverError = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage;
  }
}
