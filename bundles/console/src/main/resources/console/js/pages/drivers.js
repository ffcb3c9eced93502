import {api, can, enc} from '../api.js';
import {metatypeForm} from '../form.js';
import {driverDetails, nodeTable} from './driver-details.js';
import {actionButton, badge, field, h, problemBox, render, table, time, toast} from '../dom.js';

export async function show(main, route) {
  if (route.parts[0] === 'new') return create(main, route.params.get('type'));
  if (route.parts[0]) return edit(main, route.parts[0]);
  const list = h('div', {});
  const types = (await api('GET', '/api/v1/drivers/types')).types;
  const typeSelect = h('select', {id: 'new-driver-type'}, types.map((t) => h('option', {value: t.type}, `${t.name} (${t.type})`)));
  render(main, h('h1', {}, 'Drivers'),
    can('admin') && types.length ? h('form', {class: 'inline panel', onsubmit: (e) => {
      e.preventDefault();
      location.hash = `#/drivers/new?type=${enc(typeSelect.value)}`;
    }}, field('Driver type', typeSelect), h('button', {type: 'submit'}, 'New driver')) : null,
    list);
  const load = async () => {
    const {drivers} = await api('GET', '/api/v1/drivers');
    list.replaceChildren(driverTable(drivers, load));
  };
  await load();
  const timer = setInterval(() => load().catch(() => {}), 3000);
  return () => clearInterval(timer);
}

function driverTable(drivers, reload) {
  return table('Driver instances', ['Driver', 'Type', 'State', 'Restarts', 'Samples in', 'Rejected', 'Last error', 'Next retry', 'Actions'],
    drivers.map((d) => {
      const rejected = Object.entries(d.samples_rejected || {});
      return h('tr', {dataset: {driver: d.id}},
        h('td', {}, h('a', {href: `#/drivers/${enc(d.id)}`}, d.id)),
        h('td', {}, d.type),
        h('td', {}, badge(d.state)),
        h('td', {}, String(d.restarts)),
        h('td', {}, String(d.samples_in)),
        h('td', {}, rejected.length ? rejected.map(([r, n]) => h('div', {}, h('code', {}, r), ` ${n}`)) : '0'),
        h('td', {class: 'error-text'}, d.last_error || ''),
        h('td', {}, d.next_retry_at ? time(d.next_retry_at) : ''),
        h('td', {class: 'actions'},
          can('operator') ? actionButton('Restart', d.id, {
            run: () => api('POST', `/api/v1/drivers/${enc(d.id)}/restart`), done: `${d.id} restarting`, after: reload}) : null,
          can('admin') ? actionButton('Delete', d.id, {kind: 'danger', question: `Delete the driver ${d.id}? Its configuration is removed.`,
            run: () => api('DELETE', `/api/v1/drivers/${enc(d.id)}`), done: `${d.id} deleted`, after: reload}) : null));
    }));
}

async function create(main, typeId) {
  const types = (await api('GET', '/api/v1/drivers/types')).types;
  const type = types.find((t) => t.type === typeId);
  if (!type) {
    render(main, h('h1', {}, 'New driver'), problemBox(`there is no driver type '${typeId}'`));
    return;
  }
  const id = h('input', {type: 'text', name: 'id', required: true, spellcheck: 'false'});
  const idError = h('p', {class: 'field-error', id: 'driver-id-error', hidden: true});
  id.setAttribute('aria-describedby', 'driver-id-error');
  const form = metatypeForm(type.attributes, null);
  await driverForm(main, `New ${type.name}`, type, form, [field('Id', id, 'Letters, digits and _ . : - ; unique across drivers'), idError],
    async () => {
      idError.hidden = true;
      return api('POST', '/api/v1/drivers', {id: id.value.trim(), type: type.type, config: form.read()});
    }, (errors) => {
      if (errors.id) { idError.textContent = errors.id; idError.hidden = false; id.setAttribute('aria-invalid', 'true'); }
    });
}

async function edit(main, driverId) {
  const driver = await api('GET', `/api/v1/drivers/${enc(driverId)}`);
  if (!can('admin')) return view(main, driver);
  const types = (await api('GET', '/api/v1/drivers/types')).types;
  const type = types.find((t) => t.type === driver.type) || {name: driver.type, attributes: [], type: driver.type};
  const form = metatypeForm(type.attributes, driver.config);
  await driverForm(main, `Driver ${driver.id}`, type, form,
    [h('p', {}, badge(driver.state), ' ', driver.last_error ? h('span', {class: 'error-text'}, driver.last_error) : '')],
    () => api('PUT', `/api/v1/drivers/${enc(driver.id)}`, {config: form.read()}), () => {});
  const details = h('div', {id: 'driver-details'});
  main.append(details);
  return showDetails(details, driverId, driver);
}

/** The driver page without the form, for operators and viewers: state and what the driver reports. */
async function view(main, driver) {
  const details = h('div', {id: 'driver-details'});
  render(main, h('h1', {}, `Driver ${driver.id}`),
    h('p', {}, badge(driver.state), ' ', driver.last_error ? h('span', {class: 'error-text'}, driver.last_error) : ''),
    details, h('p', {}, h('a', {href: '#/drivers'}, '← all drivers')));
  return showDetails(details, driver.id, driver);
}

/** Node health, certificates and browser of a driver; node health refreshed every 3 s. */
async function showDetails(details, driverId, driver) {
  const reload = async () => {
    const current = await api('GET', `/api/v1/drivers/${enc(driverId)}`);
    details.replaceChildren(...await driverDetails(current, reload));
  };
  details.replaceChildren(...await driverDetails(driver, reload));
  if (!(driver.details && driver.details.nodes)) return undefined;
  const timer = setInterval(async () => {
    try {
      const current = await api('GET', `/api/v1/drivers/${enc(driverId)}`);
      const table = details.querySelector('#driver-nodes');
      if (table && current.details && current.details.nodes) table.replaceWith(nodeTable(current.details.nodes));
    } catch (e) {
      // the next tick tries again; a lost session is handled by api()
    }
  }, 3000);
  return () => clearInterval(timer);
}

async function driverForm(main, title, type, form, extra, send, showOwn) {
  const save = h('button', {type: 'submit'}, 'Save');
  const element = h('form', {novalidate: true, class: 'panel'}, extra, form.element, h('div', {class: 'buttons'}, save));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    form.clearErrors();
    try {
      const driver = await send();
      toast(`${driver.id}: ${driver.state}`);
      location.hash = '#/drivers';
    } catch (e) {
      if (e.status === 401) return;
      const errors = e.fieldErrors;
      const config = {};
      for (const [key, message] of Object.entries(errors)) {
        if (key.startsWith('config.')) config[key.slice(7)] = message;
      }
      showOwn(errors);
      const own = Object.keys(errors).filter((k) => !k.startsWith('config.') && k !== 'id');
      form.showErrors(config, Object.keys(config).length || errors.id ? (own.length ? own.map((k) => `${k}: ${errors[k]}`).join('; ') : null) : e.message);
    } finally {
      save.disabled = false;
    }
  });
  render(main, h('h1', {}, title), type.description ? h('p', {class: 'muted'}, type.description) : null,
    element, h('p', {}, h('a', {href: '#/drivers'}, '← all drivers')));
}
