import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useReducer, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { session } from './http';
import { applyPriceToHoldings, initialLiveState, liveReducer, PUSH_TYPES, type LiveState, type PriceChange } from './live-updates';
import { keys } from './queries';
import type { Holdings, LiveEvent } from './types';

const LiveContext = createContext<LiveState>(initialLiveState);

export function useLive(): LiveState {
  return useContext(LiveContext);
}

/**
 * One Socket.IO connection per signed-in tab, on the page's own origin
 * (the gateway proxies /socket.io, the ALB routes it in AWS). Pushes update
 * the query cache and the live state; an alert shows a toast on any screen.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  const queries = useQueryClient();

  useEffect(() => {
    let lastEventId: string | null = null;
    const socket = io({
      path: '/socket.io',
      // A fresh token on every (re)connect: notifications disconnects a socket when its token expires.
      auth: (callback) => {
        const send = (token: string | null) => callback({ token, ...(lastEventId ? { lastEventId } : {}) });
        if (session.isFresh(30_000)) send(session.accessToken);
        else void session.refreshNow().then(send);
      },
      reconnectionDelayMax: 10_000,
    });
    socket.on('connect_error', () => undefined); // retried by socket.io; the banner covers API outages
    for (const type of PUSH_TYPES) {
      socket.on(type, (event: LiveEvent) => {
        lastEventId = event.id;
        dispatch(event);
        react(type, event);
      });
    }
    function react(type: string, event: LiveEvent) {
      switch (type) {
        case 'price.changed':
          queries.setQueryData<Holdings>(keys.holdings, (view) => applyPriceToHoldings(view, event.payload as unknown as PriceChange));
          // The pushed price shows at once; the wallet is then fetched again so its totals per currency agree with it.
          void queries.invalidateQueries({ queryKey: keys.holdings });
          break;
        case 'alert.triggered': {
          const alert = event.payload as { ticker?: string; price?: string; direction?: string; targetPrice?: string };
          notifications.show({
            title: `${alert.ticker} crossed your target`,
            message: `${alert.ticker} is at ${alert.price}, ${alert.direction} ${alert.targetPrice}`,
            color: 'orange',
            autoClose: 10_000,
          });
          void queries.invalidateQueries({ queryKey: keys.watchlist });
          break;
        }
        case 'transaction.created':
        case 'transaction.categorized':
          void queries.invalidateQueries({ queryKey: ['transactions'] });
          void queries.invalidateQueries({ queryKey: ['reports'] });
          break;
        case 'var.completed':
          void queries.invalidateQueries({ queryKey: ['runs'] });
          break;
      }
    }
    return () => {
      socket.disconnect();
    };
  }, [queries]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}
