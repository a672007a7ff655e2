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
