// The access digest of a set of ids, as the server's sync_pull computes it over
// the ids a caller may see: the XOR of uuid_hash_extended(id, 0), as 16 hex
// digits (0…0 for no ids). XOR needs no order and undoes itself, so a device
// keeps it up to date one added or removed id at a time.
import { hex64, uuidHashOrNull } from './uuid-hash.ts';

/** FNV-1a; only for an id that is not a uuid, which the server cannot hold */
function textHash(id: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** a running XOR of id hashes; `toggle` adds an id that is absent or removes one that is present */
export class IdsDigest {
  #hi = 0;
  #lo = 0;

  toggle(id: string): void {
    // a local id that is not a uuid cannot be on the server: it must make a mismatch
    const [hi, lo] = uuidHashOrNull(id) ?? [textHash(id, 0x811c9dc5), textHash(id, 0x1b873593)];
    this.#hi = (this.#hi ^ hi) >>> 0;
    this.#lo = (this.#lo ^ lo) >>> 0;
  }

  get value(): string {
    return hex64(this.#hi, this.#lo);
  }
}

export function idsDigest(ids: Iterable<string>): string {
  const d = new IdsDigest();
  for (const id of ids) d.toggle(id);
  return d.value;
}
