import {login} from '../api.js';
import {field, h, render} from '../dom.js';

export function show(main, route) {
  const next = route.params.get('next') || '#/';
  const user = h('input', {name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none'});
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const message = h('div', {class: 'problem', role: 'alert', hidden: true});
  const submit = h('button', {type: 'submit'}, 'Log in');
  const form = h('form', {class: 'login-form', 'aria-labelledby': 'login-title'},
    field('User', user), field('Password', password), message, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.hidden = true;
    try {
      await login(user.value.trim(), password.value);
      location.hash = next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/';
    } catch (e) {
      message.textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
      message.hidden = false;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  render(main,
    h('section', {class: 'login'},
      h('h1', {id: 'login-title'}, 'Log in to Armature'),
      route.params.get('expired') ? h('p', {class: 'notice', role: 'status'}, 'Your session has ended. Log in again to return to the page you were on.') : null,
      form,
      h('p', {class: 'muted'}, 'The first start of the runtime prints the password of the user admin and keeps it in data/secrets/admin.password.')));
  user.focus();
}
