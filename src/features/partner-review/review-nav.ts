// The review pages' sub-navigation: the applications, and their statistics.
import { html, type TemplateResult } from 'lit';
import { partnerReviewStrings as t } from './partner-review-strings.ts';

/** the sub-navigation between the list and the statistics */
export function reviewNav(current: 'list' | 'stats'): TemplateResult {
  return html`<nav aria-label=${t.listTitle}>
    <ul class="subnav">
      <li>
        <a href="/platform/applications" aria-current=${current === 'list' ? 'page' : 'false'}
          >${t.nav.list}</a
        >
      </li>
      <li>
        <a
          href="/platform/applications/stats"
          aria-current=${current === 'stats' ? 'page' : 'false'}
          >${t.nav.stats}</a
        >
      </li>
    </ul>
  </nav>`;
}
