import {api, query} from '../api.js';
import {badge, field, h, render, table, time} from '../dom.js';

export async function show(main, route) {
  const p = route.params;
  const inputs = {
    action: h('input', {type: 'text', value: p.get('action') || '', placeholder: 'e.g. bundle or user.create'}),
    actor: h('input', {type: 'text', value: p.get('actor') || ''}),
    from: h('input', {type: 'date', value: p.get('from') || ''}),
    to: h('input', {type: 'date', value: p.get('to') || ''}),
  };
  const filters = h('form', {class: 'filters panel', role: 'search', 'aria-label': 'Filter the audit log'},
    field('Action', inputs.action), field('Actor', inputs.actor), field('From', inputs.from), field('To', inputs.to),
    h('button', {type: 'submit'}, 'Apply'));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/audit${query(Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value.trim()])))}`;
  });
  const list = h('div', {});
  const more = h('button', {type: 'button', class: 'secondary', hidden: true}, 'Older events');
  render(main, h('h1', {}, 'Audit log'), filters, list, more);
  let events = [];
  let cursor = null;
  const params = {action: p.get('action'), actor: p.get('actor'),
    from: p.get('from') ? `${p.get('from')}T00:00:00Z` : null, to: p.get('to') ? `${p.get('to')}T23:59:59Z` : null, limit: 100};
  const load = async (append) => {
    const page = await api('GET', `/api/v1/system/audit${query({...params, cursor: append ? cursor : null})}`);
    events = append ? events.concat(page.events) : page.events;
    cursor = page.next_cursor;
    more.hidden = !cursor;
    list.replaceChildren(table('Audit events', ['#', 'Time', 'Actor', 'Action', 'Target', 'Outcome', 'Details'], events.map((e) => [
      String(e.seq), time(e.time), e.actor || '—', h('code', {}, e.action), h('span', {class: 'mono'}, e.target || ''),
      badge(e.outcome), h('span', {class: 'mono small'}, Object.entries(e.details || {}).map(([k, v]) => `${k}=${v}`).join(' '))])));
  };
  more.addEventListener('click', () => load(true));
  await load(false);
}
