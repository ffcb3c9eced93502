import {api, enc, query} from '../api.js';
import {ago, badge, field, h, render, table, time} from '../dom.js';

export async function show(main, route) {
  const {tenants} = await api('GET', '/api/v1/tenants');
  if (!tenants.length) {
    render(main, h('h1', {}, 'Devices'), h('p', {}, 'No tenant is visible to you yet.'));
    return;
  }
  const p = route.params;
  const tenant = p.get('tenant') && tenants.some((t) => t.id === p.get('tenant')) ? p.get('tenant') : tenants[0].id;
  const controls = {
    tenant: h('select', {name: 'tenant'}, tenants.map((t) => h('option', {value: t.id, selected: t.id === tenant}, `${t.name} (${t.id})`))),
    status: h('select', {name: 'status'}, ['', 'online', 'offline', 'unknown'].map((s) => h('option', {value: s, selected: s === (p.get('status') || '')}, s || 'any'))),
    type: h('input', {name: 'type', type: 'text', value: p.get('type') || '', size: 12}),
    tag: h('input', {name: 'tag', type: 'text', value: p.get('tag') || '', placeholder: 'key:value', size: 14}),
    q: h('input', {name: 'q', type: 'search', value: p.get('q') || '', placeholder: 'id or name'}),
  };
  const filters = h('form', {class: 'filters panel', role: 'search', 'aria-label': 'Filter devices'},
    field('Tenant', controls.tenant), field('Status', controls.status), field('Type', controls.type),
    field('Tag', controls.tag), field('Search', controls.q), h('button', {type: 'submit'}, 'Apply'));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/devices${query(Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value.trim()])))}`;
  });
  controls.tenant.addEventListener('change', () => filters.requestSubmit());
  controls.status.addEventListener('change', () => filters.requestSubmit());
  const list = h('div', {});
  const more = h('button', {type: 'button', class: 'secondary', hidden: true}, 'More devices');
  render(main, h('h1', {}, 'Devices'), filters, list, more);

  const params = {status: p.get('status'), type: p.get('type'), tag: p.get('tag') ? [p.get('tag')] : [], q: p.get('q'), limit: 200};
  let rows = [];
  let cursor = null;
  const load = async (append) => {
    const page = await api('GET', `/api/v1/tenants/${enc(tenant)}/devices${query({...params, cursor: append ? cursor : null})}`);
    rows = append ? rows.concat(page.devices) : page.devices;
    cursor = page.next_cursor;
    more.hidden = !cursor;
    list.replaceChildren(table(`Devices of ${tenant}`, ['Device', 'Name', 'Type', 'Status', 'Last seen', 'Tags'], rows.map((d) =>
      h('tr', {dataset: {device: d.id}},
        h('td', {}, h('a', {href: `#/device/${enc(tenant)}/${enc(d.id)}`}, d.id)),
        h('td', {}, d.name || ''),
        h('td', {}, d.type || ''),
        h('td', {}, badge(d.status)),
        h('td', {}, d.last_seen ? h('span', {}, time(d.last_seen), h('span', {class: 'muted'}, ` (${ago(d.last_seen)})`)) : 'never'),
        h('td', {}, Object.entries(d.tags || {}).map(([k, v]) => h('span', {class: 'tag'}, `${k}:${v}`)))))));
  };
  more.addEventListener('click', () => load(true));
  await load(false);
  const timer = setInterval(() => { if (!cursor) load(false).catch(() => {}); }, 5000);
  return () => clearInterval(timer);
}
