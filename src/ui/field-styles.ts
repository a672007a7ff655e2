import { css } from 'lit';

/**
 * How a form field looks on every screen with forms: thumb-sized inputs,
 * selects and text areas, a thicker red border on an invalid field, a muted hint and the
 * field's error message (hidden while empty, so a live region can fill it).
 */
export const fieldStyles = css`
  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    min-height: 44px;
    min-width: 0;
    max-width: 100%;
    padding: 0 var(--ts-space-2);
    border: 1px solid var(--ts-color-border-strong);
    border-radius: 8px;
    background: var(--ts-color-surface);
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--ts-color-danger);
    border-width: 2px;
  }
  .hint {
    font-weight: 400;
    color: var(--ts-color-muted);
    font-size: 0.9375rem;
  }
  .error {
    font-weight: 600;
    color: var(--ts-color-danger);
    margin: 0;
  }
  .error:empty {
    display: none;
  }
`;
