/**
 * Asks the shell to go to another URL of the app (events up: pages never hold
 * the router). Links need nothing: the router follows `<a href>` clicks itself.
 */
export class NavigateEvent extends Event {
  readonly to: string;
  readonly replace: boolean;

  constructor(to: string, options: { replace?: boolean } = {}) {
    super('navigate', { bubbles: true, composed: true });
    this.to = to;
    this.replace = options.replace ?? false;
  }
}

declare global {
  interface HTMLElementEventMap {
    navigate: NavigateEvent;
  }
}
