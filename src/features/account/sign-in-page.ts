import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { z } from 'zod';
import { labelInput, refineLabel } from '../../domain/clean-text.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { describeError } from '../../data/describe-error.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { chooseLocale, currentLocale } from '../../i18n/locale.ts';
import '../../ui/ts-language-switch.ts';
import type { LocaleChangeEvent } from '../../ui/ts-language-switch.ts';
import { accountStrings } from './account-strings.ts';
import { type EmailCodeForm, NEW_PASSWORD_MIN } from './email-code-form.ts';

const t = strings.signIn;
const v = strings.validation;

const signInSchema = z.object({
  email: z.string().trim().min(1, v.required).pipe(z.email(v.email)),
  password: z.string().min(1, v.required),
});
const newPasswordSchema = z.object({
  password: z.string().min(NEW_PASSWORD_MIN, accountStrings.recovery.passwordTooShort),
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

/** what the page shows: the password form, sign-up, a code by email, or a reset by email */
type Mode = 'password' | 'sign-up' | 'code' | 'recovery';

/**
 * Email + password sign-in, sign-up (with a display name), and for people
 * without a password a 6-digit code by email, or a password reset by code. On
 * success the auth session changes and the shell shows where the user was going.
 * `/sign-in?email=<address>` (the link in a guest buyer's email) opens the code
 * form with the address filled in; the email's own link comes back here with
 * the session (or the error) in the fragment.
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
      .other-ways {
        display: grid;
        justify-items: start;
        gap: var(--ts-space-2);
        margin-bottom: var(--ts-space-3);
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });

  @state() private mode: Mode = 'password';
  @state() private email = '';
  @state() private busy = false;
  @state() private errors: Record<string, string> = {};
  @state() private serverError = '';
  @state() private notice = '';

  #fragmentRead = false;

  private get signUp(): boolean {
    return this.mode === 'sign-up';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const email = new URLSearchParams(window.location.search).get('email');
    if (email) {
      this.email = email.trim();
      this.mode = 'code';
    }
  }

  override willUpdate(): void {
    const client = this.#client.value;
    if (client && !this.#fragmentRead) {
      this.#fragmentRead = true;
      void this.readEmailLink(client);
    }
  }

  /** the email's link lands here: `#access_token=…&refresh_token=…`, or `#error_code=…` */
  private async readEmailLink(client: AppClient): Promise<void> {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    const access = fragment.get('access_token');
    const refresh = fragment.get('refresh_token');
    const failed = fragment.get('error_code');
    if (!access && !failed) return;
    // the tokens never stay in the address bar or the history
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    if (failed) {
      this.serverError = accountStrings.linkExpired;
      this.mode = 'code';
      return;
    }
    const tokens = { access_token: access ?? '', refresh_token: refresh ?? '' };
    if (fragment.get('type') === 'recovery') {
      // a session would move the shell on at once: the new password is asked first
      this.recoveryTokens = tokens;
      return;
    }
    const { error } = await client.auth.setSession(tokens);
    if (error) this.serverError = describeError(error).message;
  }

  /** the reset link's session, held until the new password is typed */
  @state() private recoveryTokens: { access_token: string; refresh_token: string } | null = null;

  private async onNewPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    const tokens = this.recoveryTokens;
    if (this.busy || !client || !tokens) return;
    const parsed = newPasswordSchema.safeParse(formValues(event.currentTarget as HTMLFormElement));
    this.serverError = '';
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const signedIn = await client.auth.setSession(tokens);
      if (signedIn.error) {
        this.serverError = describeError(signedIn.error).message;
        return;
      }
      const { error } = await client.auth.updateUser({ password: parsed.data.password });
      if (error && error.code !== 'same_password') this.serverError = describeError(error).message;
    } catch (error) {
      this.serverError = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }

  private renderNewPassword() {
    return html`
      <h1>${accountStrings.recovery.title}</h1>
      ${
        this.serverError
          ? html`<ts-notice tone="error"><p role="alert">${this.serverError}</p></ts-notice>`
          : nothing
      }
      <form novalidate @submit=${this.onNewPassword} aria-busy=${this.busy ? 'true' : 'false'}>
        <ts-field
          name="password"
          type="password"
          label=${accountStrings.recovery.newPassword}
          hint=${accountStrings.recovery.passwordHint}
          autocomplete="new-password"
          required
          .error=${this.errors['password'] ?? ''}
        ></ts-field>
        <button class="button block submit" type="submit" ?disabled=${this.busy}>
          ${accountStrings.recovery.submit}
        </button>
      </form>
    `;
  }

  override render() {
    if (this.recoveryTokens) return this.renderNewPassword();
    if (this.mode === 'code' || this.mode === 'recovery') return this.renderByEmail(this.mode);
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
          .value=${this.email}
          @input=${this.onEmailInput}
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
      <div class="other-ways">
        ${
          this.signUp
            ? nothing
            : html`<button class="link-button" type="button" @click=${() => this.show('code')}>
                  ${accountStrings.code.open}
                </button>
                <button class="link-button" type="button" @click=${() => this.show('recovery')}>
                  ${accountStrings.recovery.open}
                </button>`
        }
        <button
          class="link-button"
          type="button"
          @click=${() => this.show(this.signUp ? 'password' : 'sign-up')}
        >
          ${this.signUp ? t.toSignIn : t.toSignUp}
        </button>
      </div>
      ${this.languageSwitch()}
    `;
  }

  private renderByEmail(kind: 'code' | 'recovery') {
    return html`
      <email-code-form
        kind=${kind === 'code' ? 'sign-in' : 'recovery'}
        .email=${this.email}
        .failure=${this.serverError}
        @input=${(e: Event) => {
          this.email = (e.currentTarget as EmailCodeForm).email;
        }}
      ></email-code-form>
      <div class="other-ways">
        <button class="link-button" type="button" @click=${() => this.show('password')}>
          ${accountStrings.code.back}
        </button>
      </div>
      ${this.languageSwitch()}
    `;
  }

  private languageSwitch() {
    return html`<ts-language-switch
      locale=${currentLocale}
      @locale-change=${(e: LocaleChangeEvent) => chooseLocale(e.locale)}
    ></ts-language-switch>`;
  }

  /** the address typed in one form is there in the next */
  private onEmailInput(event: Event): void {
    const field = event.target as HTMLElement & { name?: string; value?: string };
    if (field.name === 'email' && typeof field.value === 'string') this.email = field.value;
  }

  private show(mode: Mode): void {
    this.mode = mode;
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
