import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { api, ApiError } from './api.js';
import type { Config, Me } from './types.js';

export interface Loaded<T> { data: T | null; error: ApiError | null; loading: boolean; reload: () => void }

/** GET a path and keep the answer; a null path loads nothing. Stale answers are dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) { setState({ data: null, error: null, loading: false }); return; }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.get<T>(path).then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (error: ApiError) => { if (live) setState({ data: null, error, loading: false }); },
    );
    return () => { live = false; };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export interface Session { me: Me; config: Config; signIn: (token: string | null) => void }

export const SessionContext = createContext<Session>({ me: { role: 'public' }, config: { tiles: null, public: false }, signIn: () => {} });

export const useSession = () => useContext(SessionContext);

export const canEdit = (role: string) => role === 'editor' || role === 'admin';
