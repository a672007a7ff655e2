// The From display name of emails to members of a club a white-label partner
// manages (public.email_sender_names, 20261206173000_partner_dashboard.sql): the
// partner's email_sender_name, sent from the platform's own address so SPF,
// DKIM and DMARC stay aligned (reference/partners.md §4).
import { z } from 'zod';
import type { Rpc } from '../_shared/rpc.ts';

export type SenderNames = (outboxIds: string[]) => Promise<Map<string, string>>;

const rowsSchema = z.array(z.object({ id: z.string(), sender_name: z.string() }));

export function rpcSenderNames(rpc: Rpc): SenderNames {
  return async (ids) => {
    if (ids.length === 0) return new Map();
    const rows = rowsSchema.parse(await rpc('email_sender_names', { p_ids: ids }));
    return new Map(rows.map((r) => [r.id, r.sender_name]));
  };
}

/** `Name <address>` from a configured From (`Trackside <no-reply@x>` or a bare address) */
export function fromWithName(from: string, name: string | undefined): string {
  if (!name) return from;
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  // a display name is a quoted string: quotes and backslashes escaped, no line breaks
  const quoted = name.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1');
  return `"${quoted}" <${address}>`;
}
