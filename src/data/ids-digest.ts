// The same digest the server's sync_pull computes over the ids a caller may see:
// sha256 (hex) of the lowercase ids, sorted, joined by ','.

export async function idsDigest(ids: readonly string[]): Promise<string> {
  const sorted = ids.map((id) => id.toLowerCase()).sort();
  const bytes = new TextEncoder().encode(sorted.join(','));
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}
