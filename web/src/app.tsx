import { useEffect, useState } from 'react';
import { hasRole, READERS, useAuth } from './auth.js';
import { Loading } from './components/ui.js';
import { AlertsPage } from './pages/alerts.js';
import { CasePage } from './pages/case.js';
import { DashboardPage } from './pages/dashboard.js';
import { EntityPage } from './pages/entity.js';
import { ListsPage } from './pages/lists.js';
import { LoginPage } from './pages/login.js';
import { QueuePage } from './pages/queue.js';
import { ScreenPage } from './pages/screen.js';
import { Link, matchPath, useRouter } from './router.js';

function NotFound() {
  return (
    <div className="page">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no console page here. <Link to="/">Go to the dashboard</Link>.
      </p>
    </div>
  );
}

function Forbidden({ what }: { what: string }) {
  return (
    <div className="page">
      <h1 tabIndex={-1}>Not for your role</h1>
      <p>{what} needs the analyst, supervisor or admin role.</p>
    </div>
  );
}

function Page() {
  const { path } = useRouter();
  const { principal } = useAuth();
  const reader = hasRole(principal, ...READERS);
  if (path === '/' || path === '/index.html') return <DashboardPage />;
  if (path === '/screen') return <ScreenPage />;
  if (path === '/queue') return <QueuePage />;
  if (path === '/alerts') return reader ? <AlertsPage /> : <Forbidden what="Reading vetting alerts" />;
  if (path === '/lists') return reader ? <ListsPage /> : <Forbidden what="Reading list versions" />;
  const caseMatch = matchPath('/cases/:id', path);
  if (caseMatch?.['id'] !== undefined) return <CasePage key={caseMatch['id']} id={caseMatch['id']} />;
  const entityMatch = matchPath('/entities/:id', path);
  if (entityMatch?.['id'] !== undefined) return reader ? <EntityPage key={entityMatch['id']} id={entityMatch['id']} /> : <Forbidden what="Reading listed records" />;
  return <NotFound />;
}

const NAV: Array<{ to: string; label: string; readers?: true }> = [
  { to: '/', label: 'Dashboard' },
  { to: '/screen', label: 'Screen' },
  { to: '/queue', label: 'Review queue' },
  { to: '/alerts', label: 'Alerts', readers: true },
  { to: '/lists', label: 'Lists', readers: true },
];

function Shell() {
  const { principal, signOut } = useAuth();
  const { path } = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const reader = hasRole(principal, ...READERS);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              V
            </span>
            Vigil <span className="brand__sub">screening console</span>
          </Link>
          <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((open) => !open)}>
            Menu
          </button>
          <nav id="main-nav" aria-label="Main" className={menuOpen ? 'nav nav--open' : 'nav'}>
            <ul>
              {NAV.filter((item) => item.readers !== true || reader).map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav__link">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="user">
            <span className="user__name">{principal?.name}</span>
            <span className="user__roles">{principal?.roles.join(', ')}</span>
            <button type="button" className="button button--ghost" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
      <footer className="footer">
        <span>Vigil · every screening and record read is audited</span>
        <a href="/docs">API</a>
        <a href="/advisories">Public advisories</a>
      </footer>
    </>
  );
}

export function App() {
  const { principal } = useAuth();
  if (principal === undefined) {
    return (
      <main id="main" className="login">
        <Loading label="Checking your session" />
      </main>
    );
  }
  if (principal === null) return <LoginPage />;
  return <Shell />;
}
