// What the review pages share: the sub-navigation, the status chip's tones, the
// tables (scrolling sideways inside their box at 360 px, never the page) and forms.
import { css } from 'lit';
import type { ApplicationStatus } from '../../domain/partner-application.ts';
import type { StatusTone } from '../../ui/status-tone.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';

const tones: Record<ApplicationStatus, StatusTone> = {
  pending: 'warning',
  reviewing: 'neutral',
  approved: 'success',
  rejected: 'danger',
};

export function applicationTone(status: string): StatusTone {
  return tones[status as ApplicationStatus] ?? 'neutral';
}

export const reviewStyles = [
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
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--ts-space-3);
      margin: 0 0 var(--ts-space-4);
    }
    .filters label,
    form label {
      display: grid;
      gap: var(--ts-space-1);
      font-weight: 600;
    }
    .scroll {
      overflow-x: auto;
      margin: 0 0 var(--ts-space-3);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      min-width: 36rem;
    }
    table.narrow {
      min-width: 0;
    }
    th,
    td {
      text-align: left;
      padding: var(--ts-space-2);
      border-bottom: 1px solid var(--ts-color-border);
      vertical-align: top;
    }
    td.number,
    th.number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    th button {
      font: inherit;
      font-weight: 700;
      background: none;
      border: 0;
      padding: 0;
      min-height: 44px;
      color: var(--ts-color-link);
      cursor: pointer;
      text-align: left;
    }
    .status {
      display: inline-block;
      padding: 1px var(--ts-space-2);
      border-radius: 999px;
      white-space: nowrap;
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--ts-space-3);
      flex-wrap: wrap;
    }
    dl {
      display: grid;
      gap: var(--ts-space-1);
      margin: 0;
    }
    dt {
      font-weight: 600;
      margin-top: var(--ts-space-3);
    }
    dd {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    textarea {
      width: 100%;
      min-height: 6rem;
      padding: var(--ts-space-2);
    }
    form {
      display: grid;
      gap: var(--ts-space-3);
    }
    section {
      margin-top: var(--ts-space-6);
    }
    ol.notes {
      list-style: none;
      margin: 0 0 var(--ts-space-4);
      padding: 0;
      display: grid;
      gap: var(--ts-space-3);
    }
    .note-meta {
      color: var(--ts-color-muted);
      font-size: 0.9375rem;
      margin: 0 0 var(--ts-space-1);
    }
    .note-body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: var(--ts-space-3);
      margin: 0 0 var(--ts-space-4);
    }
    .filters .wide {
      grid-column: 1 / -1;
    }
    .filters .button {
      align-self: end;
    }
    table.narrow {
      margin: 0 0 var(--ts-space-5);
    }
    .figure strong {
      display: block;
      font-size: 1.5rem;
    }
  `,
];
