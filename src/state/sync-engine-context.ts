import { createContext } from '@lit/context';
import type { SyncEngine } from '../data/start-sync-engine.ts';

/**
 * The signed-in user's sync engine, or null while signed out or while it opens.
 * Pages read and write synced data through it; components never see it.
 */
export const syncEngineContext = createContext<SyncEngine | null>(Symbol('trackside.sync-engine'));
