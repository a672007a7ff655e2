import { css } from 'lit';

/** the course builder's and lesson editor's form layout, at 360 px first */
export const builderStyles = css`
  form {
    display: grid;
    gap: var(--ts-space-3);
    margin-bottom: var(--ts-space-4);
  }
  .field {
    display: grid;
    gap: var(--ts-space-1);
  }
  .field > label,
  .field > .label {
    font-weight: 600;
  }
  input[type='text'],
  input[type='date'],
  input[type='number'],
  input:not([type]),
  select,
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
  textarea {
    min-height: 8rem;
    padding: var(--ts-space-2);
    resize: vertical;
  }
  .check {
    display: flex;
    gap: var(--ts-space-3);
    align-items: center;
    min-height: 44px;
  }
  .check input {
    width: 22px;
    height: 22px;
    min-height: 0;
    margin: 0;
    flex: none;
  }
  fieldset {
    border: 1px solid var(--ts-color-border);
    border-radius: var(--ts-radius, 12px);
    margin: 0;
    padding: var(--ts-space-3);
    display: grid;
    gap: var(--ts-space-2);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 var(--ts-space-1);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ts-space-2);
    align-items: center;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ts-space-2);
  }
  .file {
    position: relative;
  }
  .file input {
    position: absolute;
    inset-inline-start: 0;
    top: 0;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .file input:focus-visible + label.button {
    outline: 3px solid var(--ts-color-focus);
    outline-offset: 2px;
  }
  .icon {
    min-width: 44px;
    min-height: 44px;
    padding: 0 var(--ts-space-2);
  }
`;
