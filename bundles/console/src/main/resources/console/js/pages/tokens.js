import {api, can, enc, me} from '../api.js';
import {grantsEditor, grantText} from '../grants.js';
import {actionButton, field, h, problemBox, render, table, time, toast} from '../dom.js';
import {fieldList} from './users.js';

export async function show(main) {
  const list = h('div', {});
  const name = h('input', {type: 'text', required: true});
  const owner = can('admin') ? h('input', {type: 'text', value: me().user}) : null;
  const expires = h('input', {type: 'date'});
  const grants = grantsEditor(me().grants.map((g) => ({...g})), true);
  const message = h('div', {});
  const shown = h('div', {role: 'status', 'aria-live': 'polite'});
  const form = h('form', {class: 'panel', novalidate: true},
    h('h2', {}, 'New token'), field('Name', name, 'What the token is for, e.g. a device or a script'),
    owner ? field('User', owner, 'The user the token acts as (admins may create tokens for anyone)') : null,
    field('Expires (optional)', expires), grants.element, h('button', {type: 'submit'}, 'Create token'), message, shown);
  const load = async () => {
    const {tokens} = await api('GET', '/api/v1/tokens');
    list.replaceChildren(table('API tokens', ['Name', 'User', 'Grants', 'Created', 'Expires', 'Last used', ''], tokens.map((t) => h('tr', {dataset: {token: t.id}},
      h('td', {}, t.name), h('td', {}, t.user),
      h('td', {}, t.grants.map((g) => h('div', {}, grantText(g)))),
      h('td', {}, time(t.created_at)), h('td', {}, t.expires_at ? time(t.expires_at) : 'never'),
      h('td', {}, t.last_used_at ? time(t.last_used_at) : 'never'),
      h('td', {}, actionButton('Revoke', t.name, {kind: 'danger', question: `Revoke the token ${t.name}? Whatever uses it stops working at once.`,
        run: () => api('DELETE', `/api/v1/tokens/${enc(t.id)}`), done: `token ${t.name} revoked`, after: load}))))));
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {name: name.value.trim(), grants: grants.read()};
    if (owner && owner.value.trim()) body.user = owner.value.trim();
    if (expires.value) body.expires_at = `${expires.value}T00:00:00Z`;
    try {
      const created = await api('POST', '/api/v1/tokens', body);
      message.replaceChildren();
      const secret = h('input', {type: 'text', readonly: true, value: created.token, size: 70, id: 'new-token-value'});
      shown.replaceChildren(h('div', {class: 'notice'},
        h('p', {}, `Token ${created.name} created. Copy it now: it is shown only this once.`),
        field('Token', secret), h('button', {type: 'button', class: 'secondary', onclick: () => {
          secret.select();
          navigator.clipboard && navigator.clipboard.writeText(created.token).then(() => toast('copied'), () => {});
        }}, 'Copy')));
      secret.select();
      await load();
    } catch (err) {
      message.replaceChildren(problemBox(err), fieldList(err));
    }
  });
  render(main, h('h1', {}, 'API tokens'), list, form);
  await load();
}
