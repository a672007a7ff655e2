// What the flags pages share: the sub-navigation, the on/off chips, the cards a
// flag, a rule and an override are drawn in, the forms (one column at 360 px) and
// the check's table, which scrolls sideways inside its box, never the page.
import { css } from 'lit';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import type { StatusTone } from '../../ui/status-tone.ts';

/** an on/off value's chip: on green, off red, retired grey */
export function valueTone(on: boolean, retired = false): StatusTone {
  return retired ? 'neutral' : on ? 'success' : 'danger';
}

export const flagsStyles = [
  sharedStyles,
  fieldStyles,
  chipStyles,
  statusToneStyles,
  css`
    .subnav {
      list-style: none;
      margin: 0 0 var(--ts-space-4);
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--ts-space-2);
    }
    .subnav a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 var(--ts-space-3);
      border-radius: 999px;
      border: 1px solid var(--ts-color-border-strong);
      color: var(--ts-color-brand-strong);
      text-decoration: none;
      font-weight: 600;
    }
    .subnav a[aria-current='page'] {
      background: var(--ts-color-brand-strong);
      border-color: var(--ts-color-brand-strong);
      color: var(--ts-color-on-brand);
    }
    section {
      margin-top: var(--ts-space-6);
    }
    ul.plain {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ts-space-3);
    }
    ul.lines {
      margin: 0 0 var(--ts-space-3);
      padding-left: var(--ts-space-5);
    }
    h2 code,
    h1 code {
      font-size: inherit;
      overflow-wrap: anywhere;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--ts-space-2);
      margin: 0 0 var(--ts-space-2);
    }
    .head h1,
    .head h2 {
      margin: 0;
    }
    h1 + nav,
    .head + nav {
      margin-top: var(--ts-space-3);
    }
    .status {
      display: inline-block;
      padding: 1px var(--ts-space-2);
      border-radius: 999px;
      white-space: nowrap;
    }
    dl.facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--ts-space-1) var(--ts-space-3);
      margin: 0 0 var(--ts-space-3);
    }
    dl.facts dt {
      font-weight: 600;
    }
    dl.facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: 1rem;
      margin: var(--ts-space-3) 0 var(--ts-space-2);
    }
    form {
      display: grid;
      gap: var(--ts-space-3);
    }
    form label,
    .field {
      display: grid;
      gap: var(--ts-space-1);
      font-weight: 600;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ts-space-3);
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding: 0;
      margin: 0 0 var(--ts-space-2);
      overflow-wrap: anywhere;
    }
    .field p {
      margin: 0;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: var(--ts-space-2);
      min-height: 44px;
    }
    label.check input {
      min-height: 0;
      width: 1.25rem;
      height: 1.25rem;
    }
    textarea {
      width: 100%;
      min-height: 4.5rem;
      padding: var(--ts-space-2);
    }
    input[type='text'],
    input[type='search'],
    select {
      width: 100%;
    }
    .scroll {
      overflow-x: auto;
      margin: 0 0 var(--ts-space-3);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 700;
      padding: 0 0 var(--ts-space-2);
    }
    th,
    td {
      text-align: left;
      padding: var(--ts-space-2);
      border-bottom: 1px solid var(--ts-color-border);
      vertical-align: top;
    }
    /* three columns in 328 px: the check's cells keep less air at their sides */
    table.check :is(th, td) {
      padding-inline: var(--ts-space-1);
    }
    table.check thead th:first-child {
      width: 32%;
    }
    table.check thead th.number {
      width: 1%;
    }
    td.number,
    th.number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .reason {
      display: block;
      margin-top: var(--ts-space-1);
    }
    .reason.muted {
      font-size: 0.75rem;
      margin-top: 0;
      overflow-wrap: anywhere;
    }
    td code,
    th code {
      font-size: 0.875rem;
    }
    flags-org-search:not(:last-child) {
      margin-bottom: var(--ts-space-4);
    }
    .warning {
      border-color: var(--ts-color-danger);
    }
  `,
];
