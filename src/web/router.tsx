/**
 * A very small router on the History API: the server answers every non-/api path with
 * index.html, so links are plain paths (/incidents/incident:3) that can be bookmarked.
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => { listeners.delete(update); window.removeEventListener('popstate', update); };
  }, []);
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}

/** Path segments of ids are encoded: incident ids contain ':' and report ids 'sha256:'. */
export const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;
export const reportPath = (id: string) => `/reports/${encodeURIComponent(id)}`;
export const apiIncident = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;
export const apiReport = (id: string) => `/api/reports/${encodeURIComponent(id)}`;
