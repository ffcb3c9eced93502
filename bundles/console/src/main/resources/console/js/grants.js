// An editor for a list of grants {role, tenant, device?}: one row per grant.
import {h} from './dom.js';

const ROLES = ['admin', 'operator', 'viewer', 'ingest', 'metrics'];

export function grantsEditor(initial, withDevice) {
  const list = h('ul', {class: 'grants'});
  const rows = [];
  const add = (grant) => {
    const n = rows.length + 1;
    const role = h('select', {'aria-label': `Role of grant ${n}`}, ROLES.map((r) => h('option', {value: r, selected: grant.role === r}, r)));
    const tenant = h('input', {type: 'text', size: 10, value: grant.tenant || '', placeholder: 'all tenants', 'aria-label': `Tenant of grant ${n} (empty: all tenants)`});
    const device = withDevice ? h('input', {type: 'text', size: 10, value: grant.device || '', placeholder: 'any device', 'aria-label': `Device of grant ${n} (ingest only)`}) : null;
    const row = {role, tenant, device};
    rows.push(row);
    const item = h('li', {}, role, tenant, device, h('button', {type: 'button', class: 'secondary small', onclick: () => {
      rows.splice(rows.indexOf(row), 1);
      item.remove();
    }}, 'Remove', h('span', {class: 'sr-only'}, ` grant ${n}`)));
    list.append(item);
  };
  (initial.length ? initial : [{role: 'viewer', tenant: null}]).forEach(add);
  return {
    element: h('fieldset', {class: 'grants-editor'}, h('legend', {}, 'Grants'), list,
      h('button', {type: 'button', class: 'secondary small', onclick: () => add({role: 'viewer', tenant: null})}, 'Add grant')),
    read: () => rows.map((r) => {
      const grant = {role: r.role.value, tenant: r.tenant.value.trim() || null};
      if (r.device && r.device.value.trim()) grant.device = r.device.value.trim();
      return grant;
    }),
  };
}

export function grantText(g) {
  return `${g.role}${g.tenant ? ` @ ${g.tenant}` : ' (all tenants)'}${g.device ? ` / ${g.device}` : ''}`;
}
