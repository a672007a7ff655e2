import type { SupabaseClient } from '@supabase/supabase-js';
import { createContext } from '@lit/context';
import type { AuthState } from './auth-state.ts';

/** the app's Supabase client; pages reach the server only through this */
export const supabaseContext = createContext<SupabaseClient>(Symbol('trackside.supabase'));

/** who is signed in; `loading` until the stored session has been read */
export const authContext = createContext<AuthState>(Symbol('trackside.auth'));
