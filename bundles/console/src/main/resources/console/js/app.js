// Hash router and page frame. Each page module exports show(main, route), which renders into
// <main> and may return a function that stops its timers and streams when the page is left.
import {can, hasGlobalGrant, loadSession, logout, me, whenSessionExpires} from './api.js';
import {h, problemBox, render} from './dom.js';

const PAGES = {
  login: () => import('./pages/login.js'),
  overview: () => import('./pages/overview.js'),
  features: () => import('./pages/features.js'),
  plugins: () => import('./pages/plugins.js'),
  config: () => import('./pages/config.js'),
  drivers: () => import('./pages/drivers.js'),
  devices: () => import('./pages/devices.js'),
  device: () => import('./pages/device.js'),
  data: () => import('./pages/data.js'),
  users: () => import('./pages/users.js'),
  tokens: () => import('./pages/tokens.js'),
  audit: () => import('./pages/audit.js'),
};

/** Navigation, filtered by what the caller may see (the server enforces it regardless). */
function navItems() {
  const items = [];
  if (hasGlobalGrant()) items.push(['#/', 'Overview', 'overview']);
  if (can('admin')) items.push(['#/features', 'Features', 'features'], ['#/plugins', 'Plugins', 'plugins'],
    ['#/config', 'Configuration', 'config']);
  if (hasGlobalGrant()) items.push(['#/drivers', 'Drivers', 'drivers']);
  items.push(['#/devices', 'Devices', 'devices']);
  if (can('admin')) items.push(['#/users', 'Users', 'users']);
  items.push(['#/tokens', 'Tokens', 'tokens']);
  if (can('admin')) items.push(['#/audit', 'Audit', 'audit']);
  return items;
}

/** '#/devices/demo/press-1?status=online' -> {page, parts: ['demo', 'press-1'], params} */
export function parseRoute(hash) {
  const text = (hash || '').replace(/^#\/?/, '');
  const [path, search] = text.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const page = parts.shift() || '';
  return {page, parts, params: new URLSearchParams(search || ''), hash: `#/${text}`};
}

let leave = null;
let generation = 0;

async function route() {
  const main = document.getElementById('main');
  const current = parseRoute(location.hash);
  if (leave) {
    try { leave(); } catch (e) { /* a page's cleanup must not stop navigation */ }
    leave = null;
  }
  const mine = ++generation;
  if (!me() && current.page !== 'login') {
    const caller = await loadSession().catch(() => null);
    if (!caller) {
      location.replace(`#/login?next=${encodeURIComponent(current.hash)}`);
      return;
    }
  }
  let page = current.page || (hasGlobalGrant() || !me() ? 'overview' : 'devices');
  if (page === 'overview' && me() && !hasGlobalGrant()) page = 'devices';
  frame(page);
  const load = PAGES[page];
  if (!load) {
    render(main, h('h1', {}, 'Not found'), h('p', {}, `There is no console page '${current.page}'.`));
    return;
  }
  try {
    const module = await load();
    if (mine !== generation) return;
    const cleanup = await module.show(main, current);
    if (mine !== generation) {
      if (typeof cleanup === 'function') cleanup();
      return;
    }
    leave = typeof cleanup === 'function' ? cleanup : null;
  } catch (e) {
    if (e.status === 401) return;
    render(main, h('h1', {}, 'Something went wrong'), problemBox(e));
  }
}

function frame(page) {
  const top = document.getElementById('top');
  const caller = me();
  top.hidden = !caller || page === 'login';
  if (top.hidden) return;
  document.getElementById('who-name').textContent =
    `${caller.user} (${(caller.grants || []).map((g) => g.role + (g.tenant ? '@' + g.tenant : '')).join(', ')})`;
  const nav = document.getElementById('nav');
  nav.replaceChildren(h('ul', {}, navItems().map(([href, label, key]) =>
    h('li', {}, h('a', {href, 'aria-current': key === page || (key === 'devices' && ['device', 'data'].includes(page)) ? 'page' : null}, label)))));
}

whenSessionExpires(() => {
  const current = parseRoute(location.hash);
  if (current.page !== 'login') {
    location.hash = `#/login?expired=1&next=${encodeURIComponent(current.hash)}`;
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  await logout().catch(() => {});
  location.hash = '#/login';
});

window.addEventListener('hashchange', route);
route();
