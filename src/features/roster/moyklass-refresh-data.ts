// The roster's «Обновить из «Мой Класс»»: asks the proxy for the season's
// subscriptions. Loaded on the first tap, so neither supabase-js nor the error
// words are on the roster's first load.
import type { AppClient } from '../../data/supabase-client.ts';
import { errorStrings } from '../../i18n/error-strings.ts';
import { moneyStrings } from '../money/index.ts';
import type { StaffOrganization } from './moyklass-data.ts';

const t = moneyStrings.moyklass;

export interface RefreshOutcome {
  ok: boolean;
  message: string;
  /** the ids of the athletes with no Moyklass id, whom the refresh could not look up */
  unlinked: string[];
}

/** asks the proxy for the season's subscriptions; answers what to tell the coach, and whom it missed */
export async function refreshFromMoyklass(
  loadClient: Promise<AppClient>,
  org: StaffOrganization,
): Promise<RefreshOutcome> {
  // loaded on the first refresh: the roster's first paint needs no supabase-js
  let client: AppClient;
  let invokeFunction: (typeof import('../../data/invoke-function.ts'))['invokeFunction'];
  try {
    [client, { invokeFunction }] = await Promise.all([
      loadClient,
      import('../../data/invoke-function.ts'),
    ]);
  } catch {
    return { ok: false, message: errorStrings.network, unlinked: [] };
  }
  const result = await invokeFunction<{ athletes: unknown[]; unlinked: unknown[] }>(
    client,
    'moyklass-proxy',
    { body: { orgId: org.id, season: org.season } },
  );
  if (result.ok) {
    const unlinked = result.data.unlinked.filter((id): id is string => typeof id === 'string');
    return {
      ok: true,
      message: `${t.refreshed(result.data.athletes.length)}${unlinked.length ? ` ${t.unlinked(unlinked.length)}` : ''}`,
      unlinked,
    };
  }
  if (result.network) return { ok: false, message: errorStrings.network, unlinked: [] };
  const known = (t.errors as Record<string, string | undefined>)[result.code];
  return {
    ok: false,
    message: known ?? moneyStrings.failed(result.status, result.message),
    unlinked: [],
  };
}
