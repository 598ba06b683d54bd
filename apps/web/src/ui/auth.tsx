import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session, signIn as apiSignIn, signOut as apiSignOut } from '../api/http';
import { Loading } from './states';

/** Not a secret: only a hint that a refresh cookie may exist, so a first visit does not try a refresh it cannot make. */
const SIGNED_IN_HINT = 'finstack.signedIn';

type Status = 'checking' | 'signed-in' | 'signed-out';

interface AuthContextValue {
  status: Status;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [status, setStatus] = useState<Status>(() => (localStorage.getItem(SIGNED_IN_HINT) ? 'checking' : 'signed-out'));

  useEffect(() => {
    // A reload: the access token was in memory only, so the refresh cookie gets a new one.
    if (status === 'checking') void session.refreshNow().then((token) => setStatus(token ? 'signed-in' : 'signed-out'));
    return session.subscribe((token) => {
      if (!token) {
        localStorage.removeItem(SIGNED_IN_HINT);
        setStatus('signed-out');
      }
    });
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    await apiSignIn(email, password);
    localStorage.setItem(SIGNED_IN_HINT, '1');
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async () => {
    await apiSignOut();
    localStorage.removeItem(SIGNED_IN_HINT);
    queries.clear();
    setStatus('signed-out');
  }, [queries]);

  return <AuthContext.Provider value={{ status, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'checking') return <Loading label="Signing you in…" />;
  if (status === 'signed-out') return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
