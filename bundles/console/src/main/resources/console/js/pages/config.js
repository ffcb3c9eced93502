import {api, enc} from '../api.js';
import {metatypeForm} from '../form.js';
import {field, h, render, table, toast} from '../dom.js';

export async function show(main, route) {
  if (route.parts.length) return editor(main, route.parts.join('/'), route.params.get('new') === '1');
  const search = h('input', {type: 'search', id: 'config-search', placeholder: 'PID or name'});
  const list = h('div', {});
  render(main, h('h1', {}, 'Configuration'),
    h('p', {class: 'muted'}, 'Every configurable PID, from the runtime and from plugins deployed since it started. A form is generated from each PID\'s metatype.'),
    field('Filter', search), list);
  const {configurations} = await api('GET', '/api/v1/system/configurations');
  const draw = () => {
    const term = search.value.trim().toLowerCase();
    const shown = configurations.filter((c) => !term || c.pid.toLowerCase().includes(term)
      || ((c.schema && c.schema.name) || '').toLowerCase().includes(term));
    list.replaceChildren(table('Configurations', ['PID', 'Name', 'Bundle', 'State', ''], shown.map((c) => {
      const factory = c.schema && c.schema.factory && !c.factory_pid && !c.configured;
      return h('tr', {dataset: {pid: c.pid}},
        h('td', {}, h('a', {href: `#/config/${enc(c.pid)}`}, h('code', {}, c.pid))),
        h('td', {}, (c.schema && c.schema.name) || ''),
        h('td', {}, (c.schema && c.schema.bundle) || ''),
        h('td', {}, factory ? 'factory' : c.configured ? 'configured' : 'defaults'),
        h('td', {}, factory ? addInstance(c.pid) : null));
    })));
  };
  search.addEventListener('input', draw);
  draw();
}

function addInstance(factoryPid) {
  const name = h('input', {type: 'text', size: 14, 'aria-label': `Name of a new ${factoryPid} instance`, placeholder: 'instance name'});
  return h('form', {class: 'inline', onsubmit: (e) => {
    e.preventDefault();
    if (name.value.trim()) location.hash = `#/config/${enc(`${factoryPid}~${name.value.trim()}`)}?new=1`;
  }}, name, h('button', {type: 'submit', class: 'secondary small'}, 'Add instance'));
}

async function editor(main, pid, isNew) {
  let config;
  try {
    config = await api('GET', `/api/v1/system/configurations/${enc(pid)}`);
  } catch (e) {
    const tilde = pid.indexOf('~');
    if (e.status !== 404 || tilde < 0) throw e;
    const factory = await api('GET', `/api/v1/system/configurations/${enc(pid.slice(0, tilde))}`);
    config = {pid, factory_pid: pid.slice(0, tilde), configured: false, properties: null, schema: factory.schema};
  }
  const schema = config.schema;
  const heading = h('h1', {}, (schema && schema.name) || pid);
  if (!schema) {
    render(main, heading, h('p', {}, h('code', {}, pid), ' has no metatype: its properties as stored:'),
      h('pre', {}, JSON.stringify(config.properties, null, 2)), back());
    return;
  }
  const form = metatypeForm(schema.attributes, config.configured ? config.properties : null);
  const save = h('button', {type: 'submit'}, 'Save');
  const remove = config.configured
    ? h('button', {type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Delete the configuration ${pid}?`)) return;
      try {
        await api('DELETE', `/api/v1/system/configurations/${enc(pid)}`);
        toast(`${pid} deleted`);
        location.hash = '#/config';
      } catch (e) { form.showErrors({}, e.message); }
    }}, config.factory_pid ? 'Remove instance' : 'Delete configuration')
    : null;
  const formElement = h('form', {novalidate: true, class: 'panel'}, form.element, h('div', {class: 'buttons'}, save, remove));
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    form.clearErrors();
    try {
      await api('PUT', `/api/v1/system/configurations/${enc(pid)}`, form.read());
      toast(`${pid} saved and applied`);
      if (isNew) location.hash = `#/config/${enc(pid)}`;
    } catch (e) {
      if (e.status === 401) return;
      form.showErrors(e.fieldErrors, e.message);
    } finally {
      save.disabled = false;
    }
  });
  render(main, heading,
    h('p', {}, h('code', {}, pid), config.factory_pid ? ` — an instance of ${config.factory_pid}` : '', ` · bundle ${schema.bundle || '?'}`,
      config.configured ? '' : ' · not configured yet: the defaults are shown'),
    schema.description ? h('p', {class: 'muted'}, schema.description) : null,
    formElement, back());
}

function back() {
  return h('p', {}, h('a', {href: '#/config'}, '← all configurations'));
}

