import { StrictMode, useCallback, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { api, getToken, setToken, type ApiError } from './api.js';
import { SessionContext, type Session } from './hooks.js';
import { Link, useLocation } from './router.js';
import type { Config, Me } from './types.js';
import { IncidentsPage } from './pages/IncidentsPage.js';
import { IncidentPage } from './pages/IncidentPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { SourcesPage } from './pages/SourcesPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { ClaimsPage } from './pages/ClaimsPage.js';
import './styles.css';

function SignIn({ me, refused, signIn }: { me: Me; refused: boolean; signIn: (t: string | null) => void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => { e.preventDefault(); signIn(value.trim() || null); setValue(''); setOpen(false); };
  const who = me.role === 'public' ? (refused ? 'token refused: sign in again' : 'not signed in') : `${me.name ?? 'token'} (${me.role})`;
  return (
    <div className="signin">
      <span className="who" data-role={me.role}>{who}</span>
      {open ? (
        <form onSubmit={submit}>
          <input aria-label="API token" type="password" placeholder="token from `corroborate token create`" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          <button type="submit">Sign in</button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>{me.role === 'public' ? 'Sign in' : 'Change token'}</button>
      )}
      {me.role !== 'public' && <button type="button" onClick={() => signIn(null)}>Sign out</button>}
    </div>
  );
}

function Routes() {
  const { path } = useLocation();
  const m = (re: RegExp) => re.exec(path);
  let page;
  let r: RegExpExecArray | null;
  if (path === '/' || path === '/incidents') page = <IncidentsPage />;
  else if ((r = m(/^\/incidents\/([^/]+)$/))) page = <IncidentPage id={decodeURIComponent(r[1])} />;
  else if (path === '/reports') page = <ReportsPage />;
  else if ((r = m(/^\/reports\/([^/]+)$/))) page = <ReportPage id={decodeURIComponent(r[1])} />;
  else if (path === '/sources') page = <SourcesPage />;
  else if (path === '/audit') page = <AuditPage />;
  else if (path === '/claims') page = <ClaimsPage />;
  else page = <p className="error" role="alert">No page at {path}. <Link to="/">Back to the incidents</Link></p>;
  const nav = (to: string, label: string, active: boolean) => <Link to={to} aria-current={active ? 'page' : undefined}>{label}</Link>;
  return (
    <>
      <nav className="tabs">
        {nav('/', 'Incidents', path === '/' || path.startsWith('/incidents'))}
        {nav('/reports', 'Reports', path.startsWith('/reports'))}
        {nav('/sources', 'Sources', path === '/sources')}
        {nav('/claims', 'Claims', path === '/claims')}
        {nav('/audit', 'Audit log', path === '/audit')}
      </nav>
      <main>{page}</main>
    </>
  );
}

function App() {
  const [me, setMe] = useState<Me>({ role: 'public' });
  const [config, setConfig] = useState<Config>({ tiles: null, public: false });
  const [tokenTick, setTokenTick] = useState(0);
  const [refused, setRefused] = useState(false);
  useEffect(() => { api.get<Config>('/api/config').then(setConfig, () => {}); }, []);
  useEffect(() => {
    if (!getToken()) { setMe({ role: 'public' }); return; }
    api.get<Me>('/api/me').then(setMe, (e: ApiError) => {
      setMe({ role: 'public' });
      // a revoked or mistyped token is dropped (so a public server still answers) and the pages reload
      if (e.status === 401) { setToken(null); setRefused(true); setTokenTick((x) => x + 1); }
    });
  }, [tokenTick]);
  const signIn = useCallback((t: string | null) => { setToken(t); setRefused(false); setTokenTick((x) => x + 1); }, []);
  const session: Session = { me, config, signIn };
  return (
    <SessionContext.Provider value={session}>
      <header>
        <Link to="/" className="brand">corroborate</Link>
        <span className="tagline">who said so, whom they were citing, how many independent origins</span>
        <SignIn me={me} refused={refused} signIn={signIn} />
      </header>
      {/* remount everything on a new token so every page reloads with the new rights */}
      <Routes key={tokenTick} />
    </SessionContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
