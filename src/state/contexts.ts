import type { AppClient } from '../data/supabase-client.ts';
import { createContext } from '@lit/context';
import type { AuthState } from './auth-state.ts';

/** the app's Supabase client; pages reach the server only through this */
export const supabaseContext = createContext<AppClient>(Symbol('trackside.supabase'));

/** who is signed in; `loading` until the stored session has been read */
export const authContext = createContext<AuthState>(Symbol('trackside.auth'));
