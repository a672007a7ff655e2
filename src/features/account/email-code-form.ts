import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { z } from 'zod';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { describeError } from '../../data/describe-error.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { accountStrings } from './account-strings.ts';

const a = accountStrings;
const v = strings.validation;

const emailSchema = z.object({
  email: z.string().trim().min(1, v.required).pipe(z.email(v.email)),
});
const codeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, a.codeShape)),
});
// the stricter of the local stack's minimum and hosted Auth's (config.toml)
export const NEW_PASSWORD_MIN = 8;
const recoverySchema = codeSchema.extend({
  password: z.string().min(NEW_PASSWORD_MIN, a.recovery.passwordTooShort),
});

/**
 * where the email's link leads back to: this page, which reads the session from
 * the fragment (and, should the link have expired, has the address filled in)
 */
export function signInUrl(email: string): string {
  const url = new URL(`${import.meta.env.BASE_URL}sign-in`, window.location.origin);
  url.searchParams.set('email', email);
  return url.href;
}

/** what a refused request means to the person typing */
function explain(error: unknown): string {
  const d = describeError(error);
  if (d.network) return a.offline;
  if (d.code === 'otp_expired') return a.codeWrong;
  if (d.code === 'over_email_send_rate_limit') {
    const seconds = /(\d+) seconds?/.exec(d.raw)?.[1];
    return seconds ? a.tooSoon(Number(seconds)) : a.tooSoonNoTime;
  }
  return d.message;
}

/**
 * Signing in without a password: the address, then the 6-digit code Auth
 * emails to it (`kind="sign-in"`), or the reset code and a new password
 * (`kind="recovery"`). A session arriving ends the sign-in page (the shell moves
 * on). The typed address survives every failure, being offline included.
 */
@customElement('email-code-form')
export class EmailCodeForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        margin-bottom: var(--ts-space-3);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2) var(--ts-space-4);
      }
      .email {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property() kind: 'sign-in' | 'recovery' = 'sign-in';
  @property() email = '';
  /** what went wrong before this form showed (an expired email link) */
  @property({ attribute: false }) failure = '';

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);

  @state() private step: 'email' | 'code' = 'email';
  @state() private busy = false;
  @state() private errors: Record<string, string> = {};
  @state() private serverError = '';

  override render() {
    const t = this.kind === 'recovery' ? a.recovery : a.code;
    return html`
      <h1>${t.title}</h1>
      ${this.#online.online ? nothing : html`<ts-notice><p>${a.offline}</p></ts-notice>`}
      ${
        this.serverError || this.failure
          ? html`<ts-notice tone="error"
              ><p role="alert">${this.serverError || this.failure}</p></ts-notice
            >`
          : nothing
      }
      ${this.step === 'email' ? this.renderEmail() : this.renderCode()}
    `;
  }

  private renderEmail() {
    const t = this.kind === 'recovery' ? a.recovery : a.code;
    return html`
      <p class="muted">${t.intro}</p>
      <form novalidate @submit=${this.onSend} aria-busy=${this.busy ? 'true' : 'false'}>
        <ts-field
          name="email"
          type="email"
          label=${strings.signIn.email}
          autocomplete="email"
          inputmode="email"
          required
          .value=${this.email}
          @input=${this.onEmailInput}
          .error=${this.errors['email'] ?? ''}
        ></ts-field>
        <button class="button block" type="submit" ?disabled=${this.busy}>${t.send}</button>
      </form>
    `;
  }

  private renderCode() {
    const recovery = this.kind === 'recovery';
    const t = recovery ? a.recovery : a.code;
    return html`
      <ts-notice tone="success"
        ><p class="email" role="status">${a.code.sent(this.email)}</p></ts-notice
      >
      <form novalidate @submit=${this.onVerify} aria-busy=${this.busy ? 'true' : 'false'}>
        <ts-field
          name="code"
          label=${t.code}
          hint=${a.code.codeHint}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
          .error=${this.errors['code'] ?? ''}
        ></ts-field>
        ${
          recovery
            ? html`<ts-field
                name="password"
                type="password"
                label=${a.recovery.newPassword}
                hint=${a.recovery.passwordHint}
                autocomplete="new-password"
                required
                .error=${this.errors['password'] ?? ''}
              ></ts-field>`
            : nothing
        }
        <button class="button block" type="submit" ?disabled=${this.busy}>${t.submit}</button>
      </form>
      <div class="actions">
        <button class="link-button" type="button" ?disabled=${this.busy} @click=${this.resend}>
          ${a.code.resend}
        </button>
        <button class="link-button" type="button" @click=${this.otherEmail}>
          ${a.code.otherEmail}
        </button>
      </div>
    `;
  }

  private onEmailInput(event: Event): void {
    this.email = (event.target as HTMLElement & { value: string }).value;
  }

  private otherEmail(): void {
    this.step = 'email';
    this.errors = {};
    this.serverError = '';
  }

  private async onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const parsed = emailSchema.safeParse(formValues(event.currentTarget as HTMLFormElement));
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    this.errors = {};
    this.email = parsed.data.email;
    await this.send();
  }

  private resend(): Promise<void> {
    return this.send();
  }

  private async send(): Promise<void> {
    const client = this.#client.value;
    if (this.busy || !client) return;
    this.serverError = '';
    // the offline notice above already says why nothing happens
    if (!navigator.onLine) return;
    this.busy = true;
    try {
      const { error } =
        this.kind === 'recovery'
          ? await client.auth.resetPasswordForEmail(this.email, {
              redirectTo: signInUrl(this.email),
            })
          : await client.auth.signInWithOtp({
              email: this.email,
              // a code signs in an existing account; new people sign up (with a name)
              options: { shouldCreateUser: false, emailRedirectTo: signInUrl(this.email) },
            });
      // hosted Auth refuses an unknown address when no account may be made
      // (otp_disabled); the page says the same as for a known one, as the local stack does
      if (error && error.code !== 'otp_disabled') this.serverError = explain(error);
      else {
        this.failure = '';
        this.step = 'code';
      }
    } catch (error) {
      this.serverError = explain(error);
    } finally {
      this.busy = false;
    }
  }

  private async onVerify(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    if (this.busy || !client) return;
    const recovery = this.kind === 'recovery';
    const values = formValues(event.currentTarget as HTMLFormElement);
    const parsed = codeSchema.safeParse(values);
    const withPassword = recovery ? recoverySchema.safeParse(values) : null;
    this.serverError = '';
    const failed = withPassword && !withPassword.success ? withPassword : parsed;
    if (!failed.success) {
      this.errors = fieldErrors(failed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    if (!parsed.success) return;
    this.errors = {};
    if (!navigator.onLine) return;
    this.busy = true;
    try {
      const { error } = await client.auth.verifyOtp({
        email: this.email,
        token: parsed.data.code,
        type: recovery ? 'recovery' : 'email',
      });
      if (error) {
        this.serverError = explain(error);
        return;
      }
      if (withPassword?.success) {
        // signed in by the code: the session may set its own password
        const updated = await client.auth.updateUser({ password: withPassword.data.password });
        if (updated.error && updated.error.code !== 'same_password') {
          this.serverError = explain(updated.error);
        }
      }
    } catch (error) {
      this.serverError = explain(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'email-code-form': EmailCodeForm;
  }
}
