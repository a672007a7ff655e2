// The flags pages' sub-navigation: the list of flags, and the check of an organization.
import { html, type TemplateResult } from 'lit';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';

/** the sub-navigation between the flags and the check of an organization */
export function flagsNav(current: 'flags' | 'check' | null): TemplateResult {
  return html`<nav aria-label=${t.listTitle}>
    <ul class="subnav">
      <li>
        <a href="/platform/flags" aria-current=${current === 'flags' ? 'page' : 'false'}
          >${t.nav.flags}</a
        >
      </li>
      <li>
        <a
          href="/platform/flags/by-organization"
          aria-current=${current === 'check' ? 'page' : 'false'}
          >${t.nav.check}</a
        >
      </li>
    </ul>
  </nav>`;
}
