// supabase-js 2.109 builds its Realtime client eagerly and, on Node 20 (no global
// WebSocket), throws from createClient unless given a transport. The local stack
// has no Realtime, so Node-side clients (tests, functions run locally) pass this
// stand-in: creating a client works, opening a channel fails loudly.
import type { SupabaseClientOptions } from '@supabase/supabase-js';

type Transport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>;

// a plain function: `new NoRealtime()` runs it and throws
function NoRealtime(): never {
  throw new Error('Realtime is not part of the local stack');
}

export const noRealtimeTransport = NoRealtime as unknown as Transport;
