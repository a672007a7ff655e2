import { css } from 'lit';

/** a row of rounded chips: an athlete's schedule ("🕐 Пн 18:00"), Самозапись, a rank */
export const chipStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ts-space-1);
  }
  .chip {
    padding: 1px var(--ts-space-2);
    border-radius: 999px;
    background: var(--ts-color-brand-soft);
    color: var(--ts-color-brand-strong);
    font-size: 0.9375rem;
    white-space: nowrap;
  }
`;

/**
 * Status chips coloured by meaning (`data-tone` from statusTone): confirmed and
 * paid green, waiting amber, cancelled red, the past grey — the word stays the
 * main signal, the colour backs it up.
 */
export const statusToneStyles = css`
  :is(.chip, .tag, .status)[data-tone='success'] {
    background: var(--ts-color-success-soft);
    color: var(--ts-color-success);
  }
  :is(.chip, .tag, .status)[data-tone='warning'] {
    background: var(--ts-color-warning-soft, #fff3d6);
    color: var(--ts-color-warning, #8a4b00);
  }
  :is(.chip, .tag, .status)[data-tone='danger'] {
    background: var(--ts-color-danger-soft);
    color: var(--ts-color-danger);
  }
  :is(.chip, .tag, .status)[data-tone='neutral'] {
    background: var(--ts-color-bg);
    color: var(--ts-color-muted);
    box-shadow: inset 0 0 0 1px var(--ts-color-border);
  }
`;
