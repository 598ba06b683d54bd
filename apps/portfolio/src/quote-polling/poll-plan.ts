import { TrackedTicker } from './tracked-ticker-rows';

/** Whose key fetches a group of tickers: a user's connection, or the system-wide key. */
export type KeyOwner = { kind: 'connection'; connectionId: string; userId: string } | { kind: 'system' };

export interface PollGroup {
  owner: KeyOwner;
  tickers: string[];
}

/**
 * Splits the tracked tickers between the keys that will fetch them. A ticker
 * goes to one of the connected users tracking it, the one with the fewest
 * tickers so far (so one busy user's limit is not spent on everyone's); a
 * ticker no connected user tracks goes to the system key, or stays unfetched
 * when there is none. Each ticker is fetched once per poll whoever tracks it.
 */
export function planPoll(
  tracked: readonly TrackedTicker[],
  connectionsByUser: ReadonlyMap<string, string>,
  hasSystemKey: boolean,
): { groups: PollGroup[]; uncovered: string[] } {
  const trackers = new Map<string, string[]>();
  for (const { userId, ticker } of tracked) {
    const users = trackers.get(ticker) ?? [];
    if (connectionsByUser.has(userId)) users.push(userId);
    trackers.set(ticker, users);
  }
  const byUser = new Map<string, string[]>();
  const system: string[] = [];
  const uncovered: string[] = [];
  for (const ticker of [...trackers.keys()].sort()) {
    const users = trackers.get(ticker)!;
    if (users.length === 0) {
      (hasSystemKey ? system : uncovered).push(ticker);
      continue;
    }
    const chosen = users.reduce((best, user) => ((byUser.get(user)?.length ?? 0) < (byUser.get(best)?.length ?? 0) ? user : best));
    byUser.set(chosen, [...(byUser.get(chosen) ?? []), ticker]);
  }
  const groups: PollGroup[] = [...byUser].map(([userId, tickers]) => ({
    owner: { kind: 'connection', connectionId: connectionsByUser.get(userId)!, userId },
    tickers,
  }));
  if (system.length > 0) groups.push({ owner: { kind: 'system' }, tickers: system });
  return { groups, uncovered };
}
