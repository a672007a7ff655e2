/**
 * Where a page that only some people may open stands: still finding out who this
 * is, offline (it needs the server), not theirs, ready, or failed.
 */
export type GateState = 'loading' | 'offline' | 'forbidden' | 'ready' | 'error';
