// Ties a purchase or booking a public function just made to the visitor who
// made it (public.analytics_attribute: the same daily hash of IP, User-Agent
// and coach as the page's events, nothing raw stored), so the funnel counts
// the page view, the checkout and the purchase as one visitor's. Analytics
// never costs a sale: any failure is swallowed, and it is awaited only because
// an edge runtime may stop work left running after the response.
import { clientIp } from './client-ip.ts';
import type { Rpc } from './rpc.ts';

export async function attributeToVisitor(rpc: Rpc, req: Request, subject: string): Promise<void> {
  try {
    await rpc('analytics_attribute', {
      p_subject: subject,
      p_ip: clientIp(req),
      p_user_agent: req.headers.get('user-agent') ?? '',
    });
  } catch {
    // the purchase or booking stands; only its attribution is missing
  }
}
