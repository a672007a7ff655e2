import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { lessonMediaUrl } from '../../data/storage.ts';
import { SIGNED_URL_MAX_SECONDS, signedUrlFresh } from '../../domain/signed-url-policy.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { coursesStrings } from './courses-strings.ts';

const t = coursesStrings.media;

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; url: string; issuedAt: number }
  | { status: 'refused' }
  | { status: 'failed' };

/**
 * @summary A video or audio lesson's player. Its source is a signed URL of the
 * private `course-media` bucket that expires within ten minutes: fetched when
 * the lesson opens, and fetched again (keeping the position) when a play starts
 * on a spent link or the page comes back after a while — a lesson paused for
 * longer than a link lives still plays. Storage signs only for a learner the
 * course's policies let read the lesson; anyone else gets a clear refusal.
 */
@customElement('lesson-media')
export class LessonMedia extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 0 0 var(--ts-space-4);
      }
      video {
        display: block;
        width: 100%;
        max-height: 60vh;
        background: #000;
        border-radius: var(--ts-radius, 12px);
      }
      audio {
        display: block;
        width: 100%;
      }
    `,
  ];

  /** the object's key in `course-media`; null when the lesson has no file yet */
  @property({ attribute: false }) path: string | null = null;
  @property() kind: 'video' | 'audio' = 'video';
  /** the clock (ms), injectable for tests */
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private load: Load = { status: 'idle' };
  @query('video, audio') private player!: HTMLMediaElement | null;

  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  #loadedFor: string | null = null;
  /** where to resume once a fresh link has loaded */
  #resume: { at: number; play: boolean } | null = null;
  #retried = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  override updated(): void {
    if (!this.path || !this.#online.online || !this.#client.value) return;
    if (this.#loadedFor === this.path) return;
    this.#loadedFor = this.path;
    void this.#fetch();
  }

  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible' && !this.#fresh()) void this.#refresh(false);
  };

  #fresh(): boolean {
    return (
      this.load.status !== 'ready' ||
      signedUrlFresh(this.load.issuedAt, SIGNED_URL_MAX_SECONDS, this.now())
    );
  }

  async #fetch(): Promise<void> {
    const client = this.#client.value;
    if (!client || !this.path) return;
    if (this.load.status !== 'ready') this.load = { status: 'loading' };
    const issuedAt = this.now();
    const result = await lessonMediaUrl(client, this.path, SIGNED_URL_MAX_SECONDS);
    if (result.ok) {
      this.load = { status: 'ready', url: result.value, issuedAt };
    } else {
      this.load = {
        status:
          result.problem === 'denied' || result.problem === 'not-found' ? 'refused' : 'failed',
      };
    }
  }

  /** a new link, resuming where the player was (and playing when asked) */
  async #refresh(play: boolean): Promise<void> {
    const player = this.player;
    this.#resume = { at: player?.currentTime ?? 0, play };
    await this.#fetch();
  }

  #onPlay(): void {
    if (this.#fresh()) return;
    this.player?.pause();
    void this.#refresh(true);
  }

  #onLoaded(): void {
    this.#retried = false;
    const player = this.player;
    const resume = this.#resume;
    this.#resume = null;
    if (!player || !resume) return;
    if (resume.at > 0) player.currentTime = resume.at;
    if (resume.play) void player.play().catch(() => undefined);
  }

  /** a link that stopped working mid-play (expired, a dropped connection): one new try */
  #onError(): void {
    if (this.#retried || !this.#online.online) return;
    this.#retried = true;
    void this.#refresh(!(this.player?.paused ?? true));
  }

  override render() {
    if (!this.path) return html`<ts-notice><p>${t.missing}</p></ts-notice>`;
    if (!this.#online.online && this.load.status !== 'ready') {
      return html`<ts-notice><p>${t.offline}</p></ts-notice>`;
    }
    const s = this.load;
    if (s.status === 'refused') {
      return html`<ts-notice tone="warning"><p>${t.denied}</p></ts-notice>`;
    }
    if (s.status === 'failed') {
      return html`<ts-notice tone="error">
        <p>${t.failed}</p>
        <button class="button secondary" type="button" @click=${() => void this.#fetch()}>
          ${t.retry}
        </button>
      </ts-notice>`;
    }
    if (s.status !== 'ready') return html`<p class="muted" role="status">${t.loading}</p>`;
    const label = this.kind === 'video' ? t.video : t.audio;
    return html`
      ${
        this.kind === 'video'
          ? html`<video
              controls
              preload="metadata"
              playsinline
              aria-label=${label}
              src=${s.url}
              @play=${() => this.#onPlay()}
              @loadedmetadata=${() => this.#onLoaded()}
              @error=${() => this.#onError()}
            ></video>`
          : html`<audio
              controls
              preload="metadata"
              aria-label=${label}
              src=${s.url}
              @play=${() => this.#onPlay()}
              @loadedmetadata=${() => this.#onLoaded()}
              @error=${() => this.#onError()}
            ></audio>`
      }
      ${this.#online.online ? nothing : html`<p class="hint">${t.offline}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-media': LessonMedia;
  }
}
