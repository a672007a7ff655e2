import { css } from 'lit';

/**
 * Styles every page and component shares. Colours and sizes come from the CSS
 * custom properties set once in index.html, which inherit into shadow roots.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 var(--ts-space-4);
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 var(--ts-space-3);
  }
  p {
    margin: 0 0 var(--ts-space-3);
  }
  a {
    color: var(--ts-color-link);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--ts-color-focus);
    outline-offset: 2px;
    border-radius: 4px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--ts-space-2);
    min-height: 44px;
    padding: 0 var(--ts-space-4);
    border-radius: var(--ts-radius);
    border: 1px solid transparent;
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    background: var(--ts-color-brand);
    color: var(--ts-color-on-brand);
  }
  .button:hover {
    background: var(--ts-color-brand-strong);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .button.secondary {
    background: var(--ts-color-surface);
    color: var(--ts-color-brand);
    border-color: var(--ts-color-border-strong);
  }
  .button.secondary:hover {
    background: var(--ts-color-brand-soft);
  }
  .button.block {
    width: 100%;
  }
  .link-button {
    background: none;
    border: none;
    padding: var(--ts-space-2) 0;
    min-height: 44px;
    font: inherit;
    color: var(--ts-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .card {
    background: var(--ts-color-surface);
    border: 1px solid var(--ts-color-border);
    border-radius: var(--ts-radius-large);
    padding: var(--ts-space-4);
  }
  .stack > * + * {
    margin-top: var(--ts-space-4);
  }
  .muted {
    color: var(--ts-color-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ts-space-3);
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
