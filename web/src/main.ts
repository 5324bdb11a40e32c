import './style.css';
import { AuthClient } from './lib/auth';
import { h, clear } from './dom';
import type { Ctx, Page } from './app';
import { loginPage, signupPage } from './pages/auth';
import { approvalsPage } from './pages/approvals';
import { devicesPage } from './pages/devices';
import { strategiesPage, strategyPage } from './pages/strategies';
import { positionsPage } from './pages/positions';
import { subscriptionsPage } from './pages/subscriptions';
import { accountPage } from './pages/account';
import { affiliatePage } from './pages/affiliate';
import { adminPage } from './pages/admin';

const auth = new AuthClient();

interface Route {
  pattern: RegExp;
  page: Page;
  title: string;
  public?: boolean;
}

const routes: Route[] = [
  { pattern: /^\/login$/, page: loginPage, title: 'Sign in', public: true },
  { pattern: /^\/(signup|register)$/, page: signupPage, title: 'Create an account', public: true },
  { pattern: /^\/(approvals)?$/, page: approvalsPage, title: 'Approvals' },
  { pattern: /^\/devices$/, page: devicesPage, title: 'Devices' },
  { pattern: /^\/strategies$/, page: strategiesPage, title: 'Strategies' },
  { pattern: /^\/strategies\/(?<id>[^/]+)$/, page: strategyPage, title: 'Strategy' },
  { pattern: /^\/positions$/, page: positionsPage, title: 'Positions' },
  { pattern: /^\/subscriptions$/, page: subscriptionsPage, title: 'Subscriptions' },
  { pattern: /^\/account$/, page: accountPage, title: 'Plan & Telegram' },
  { pattern: /^\/affiliate$/, page: affiliatePage, title: 'Affiliate' },
  { pattern: /^\/admin$/, page: adminPage, title: 'Admin' },
];

const NAV: [string, string, boolean?][] = [
  ['/approvals', 'Approvals'],
  ['/strategies', 'Strategies'],
  ['/positions', 'Positions'],
  ['/devices', 'Devices'],
  ['/subscriptions', 'Subscriptions'],
  ['/account', 'Plan & Telegram'],
  ['/affiliate', 'Affiliate'],
  ['/admin', 'Admin', true],
];

const root = document.getElementById('app')!;
const header = h('header', { class: 'top' });
const main = h('main', { id: 'main', tabindex: '-1' });
root.append(h('a', { class: 'skip', href: '#main' }, 'Skip to content'), header, main);

let cleanup: (() => void) | void = undefined;
let sessionChecked = false;

function navigate(path: string): void {
  if (path !== location.pathname + location.search) history.pushState(null, '', path);
  void render();
}

function renderHeader(): void {
  const s = auth.current;
  const links = s
    ? NAV.filter(([, , admin]) => !admin || s.roles.includes('admin')).map(([href, label]) => {
        const current = location.pathname === href || (href === '/approvals' && location.pathname === '/');
        return h('a', { href, 'aria-current': current ? 'page' : null }, label);
      })
    : [];
  clear(
    header,
    h('a', { class: 'brand', href: s ? '/approvals' : '/login' }, 'SignalDesk'),
    s ? h('nav', { 'aria-label': 'Main' }, links) : null,
    s
      ? h(
          'div',
          { class: 'who' },
          h('span', { class: 'email' }, s.email),
          h('button', {
            type: 'button',
            class: 'small',
            on: {
              click: async () => {
                await auth.logout().catch(() => undefined);
                navigate('/login');
              },
            },
          }, 'Sign out'),
        )
      : null,
  );
}

async function render(): Promise<void> {
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  if (!sessionChecked) {
    sessionChecked = true;
    clear(main, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
    await auth.refresh(); // the refresh cookie, if any, gives this tab its access token
  }
  const path = location.pathname.replace(/\/+$/, '') || '/';
  let route = routes.find((r) => r.pattern.test(path));
  let params: Record<string, string> = {};
  if (!route) {
    renderHeader();
    clear(main, h('h1', null, 'Not found'), h('p', null, 'There is no page here. ', h('a', { href: '/approvals' }, 'Go to the approvals')));
    return;
  }
  if (!route.public && !auth.current) {
    const next = location.pathname + location.search;
    history.replaceState(null, '', '/login' + (next !== '/' ? '?next=' + encodeURIComponent(next) : ''));
    route = routes[0];
  } else if (route.public && auth.current && path === '/login') {
    history.replaceState(null, '', '/approvals');
    route = routes[2];
  }
  params = (path.match(route.pattern)?.groups ?? {}) as Record<string, string>;
  document.title = route.title + ' · SignalDesk';
  renderHeader();
  clear(main);
  const ctx: Ctx = {
    auth,
    api: (m, p, b) => auth.api(m, p, b),
    navigate,
    query: new URLSearchParams(location.search),
  };
  cleanup = await route.page(ctx, main, params);
}

// same-origin links navigate inside the app
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/r/') || a.hasAttribute('download')) return;
  if (url.hash && url.pathname === location.pathname) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
  main.focus();
});
window.addEventListener('popstate', () => void render());
auth.onChange((s) => {
  if (!s && sessionChecked && !routes.find((r) => r.public && r.pattern.test(location.pathname))) navigate('/login');
});

void render();
