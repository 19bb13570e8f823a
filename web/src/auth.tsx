import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onSignedOut } from './api/client.js';
import type { Principal, Role } from './api/types.js';
import { armPageFocus } from './lib/hooks.js';

interface AuthValue {
  /** undefined while the session is being checked, null when signed out. */
  principal: Principal | null | undefined;
  /** Why the last session ended, when the server ended it. */
  notice: string | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api<{ principal: Principal }>('/v1/auth/me')
      .then((reply) => live && setPrincipal(reply.principal))
      .catch(() => live && setPrincipal(null));
    const stop = onSignedOut(() => {
      setNotice('Your session has ended. Sign in again to go on.');
      setPrincipal(null);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const reply = await api<{ principal: Principal }>('/v1/auth/login', { body: { username, password } });
    setNotice(undefined);
    armPageFocus();
    setPrincipal(reply.principal);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/v1/auth/logout', { method: 'POST' });
    } catch (error) {
      // Already ended on the server: signed out either way.
      if (!(error instanceof ApiError)) throw error;
    }
    setNotice('You have signed out.');
    setPrincipal(null);
  }, []);

  const value = useMemo(() => ({ principal, notice, signIn, signOut }), [principal, notice, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (value === undefined) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function hasRole(principal: Principal | null | undefined, ...roles: Role[]): boolean {
  return principal != null && principal.roles.some((role) => (roles as string[]).includes(role));
}

/** Roles that may read listed entities and list versions (GET /v1/entities, /v1/lists). */
export const READERS: Role[] = ['analyst', 'supervisor', 'admin'];
