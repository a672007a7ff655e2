// The caller's address, as the platform's proxy reports it in x-forwarded-for:
// untrusted, so it is only ever one rate-limit key among several (per email,
// in total) and anything not shaped like an address counts as "unknown".

export function clientIp(req: Request): string {
  const first = (req.headers.get('x-forwarded-for') ?? '').split(',')[0]?.trim() ?? '';
  return /^[0-9A-Fa-f:.]{2,45}$/.test(first) ? first.toLowerCase() : 'unknown';
}
