import { css } from 'lit';
import { fieldStyles } from '../../ui/field-styles.ts';
import { statusToneStyles } from '../../ui/chip-styles.ts';

/** forms, lists and day headings the booking screens share */
export const bookingStyles = [
  fieldStyles,
  statusToneStyles,
  css`
    form,
    .form {
      display: grid;
      gap: var(--ts-space-3);
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--ts-space-3);
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--ts-space-5);
    }
    .row > label {
      align-content: end;
    }
    label {
      display: grid;
      gap: var(--ts-space-1);
      font-weight: 600;
      align-content: start;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: var(--ts-space-2);
      min-height: 44px;
      font-weight: 400;
    }
    label.check input {
      width: 1.25rem;
      height: 1.25rem;
      min-height: 0;
      margin: 0;
      flex: none;
      accent-color: var(--ts-color-brand);
    }
    fieldset {
      border: 1px solid var(--ts-color-border);
      border-radius: var(--ts-radius-large);
      padding: var(--ts-space-3);
      margin: 0;
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding: 0 var(--ts-space-1);
    }
    section {
      margin-top: var(--ts-space-6);
    }
    ul.items {
      list-style: none;
      margin: 0 0 var(--ts-space-4);
      padding: 0;
      display: grid;
      gap: var(--ts-space-2);
    }
    ul.items > li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--ts-space-2);
    }
    .what {
      display: grid;
      gap: 2px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .tag {
      display: inline-block;
      padding: 1px var(--ts-space-2);
      border-radius: 999px;
      background: var(--ts-color-brand-soft);
      color: var(--ts-color-brand-strong);
      font-size: 0.875rem;
      font-weight: 600;
    }
    h3 {
      font-size: 1rem;
      margin: var(--ts-space-4) 0 var(--ts-space-2);
    }
    h3::first-letter {
      text-transform: uppercase;
    }
  `,
];
