import {api, enc} from '../api.js';
import {grantsEditor, grantText} from '../grants.js';
import {actionButton, badge, field, h, problemBox, render, table, time, toast} from '../dom.js';

export async function show(main) {
  const list = h('div', {});
  const name = h('input', {type: 'text', autocomplete: 'off', required: true});
  const password = h('input', {type: 'password', autocomplete: 'new-password', required: true});
  const grants = grantsEditor([], false);
  const message = h('div', {});
  const form = h('form', {class: 'panel', novalidate: true},
    h('h2', {}, 'New user'), field('Name', name), field('Password', password, 'At least 12 characters'), grants.element,
    h('button', {type: 'submit'}, 'Create user'), message);
  const load = async () => {
    const {users} = await api('GET', '/api/v1/users');
    list.replaceChildren(table('Users', ['User', 'Grants', 'State', 'Created', 'Actions'], users.map((u) => h('tr', {dataset: {user: u.name}},
      h('td', {}, u.name),
      h('td', {}, u.grants.map((g) => h('div', {}, grantText(g))), editGrants(u, load)),
      h('td', {}, badge(u.disabled ? 'disabled' : 'enabled', u.disabled ? 'warn' : 'ok')),
      h('td', {}, time(u.created_at)),
      h('td', {class: 'actions'},
        actionButton(u.disabled ? 'Enable' : 'Disable', u.name, {
          run: () => api('PATCH', `/api/v1/users/${enc(u.name)}`, {disabled: !u.disabled}), after: load}),
        actionButton('Delete', u.name, {kind: 'danger', question: `Delete the user ${u.name}? Their tokens stop working.`,
          run: () => api('DELETE', `/api/v1/users/${enc(u.name)}`), after: load}))))));
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/users', {name: name.value.trim(), password: password.value, grants: grants.read()});
      toast(`user ${name.value.trim()} created`);
      message.replaceChildren();
      form.reset();
      await load();
    } catch (err) {
      message.replaceChildren(problemBox(err), fieldList(err));
    }
  });
  render(main, h('h1', {}, 'Users'), list, form);
  await load();
}

/** A disclosure with the user's grants in an editor; saved with PATCH. */
function editGrants(user, load) {
  const editor = grantsEditor(user.grants, false);
  const message = h('div', {});
  const form = h('form', {novalidate: true}, editor.element, h('button', {type: 'submit', class: 'small'}, 'Save grants'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('PATCH', `/api/v1/users/${enc(user.name)}`, {grants: editor.read()});
      toast(`grants of ${user.name} saved`);
      await load();
    } catch (err) {
      message.replaceChildren(problemBox(err), fieldList(err));
    }
  });
  return h('details', {}, h('summary', {}, 'Change grants', h('span', {class: 'sr-only'}, ` of ${user.name}`)), form);
}

export function fieldList(error) {
  const errors = (error.problem && error.problem.errors) || [];
  return errors.length ? h('ul', {class: 'field-errors'}, errors.map((x) => h('li', {}, `${x.field}: ${x.message}`))) : null;
}
