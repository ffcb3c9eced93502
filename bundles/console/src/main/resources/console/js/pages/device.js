import {api, can, enc, query} from '../api.js';
import {ago, badge, field, h, problemBox, render, table, time, toast} from '../dom.js';

const FINAL = ['succeeded', 'failed', 'timed_out', 'refused'];

export async function show(main, route) {
  const [tenant, id] = route.parts;
  const base = `/api/v1/tenants/${enc(tenant)}/devices/${enc(id)}`;
  const [device, metrics, latest] = await Promise.all([
    api('GET', base), api('GET', `${base}/metrics`), api('GET', `${base}/latest`).catch(() => ({metrics: {}}))]);
  const chosen = new Set();
  const chartLink = h('a', {class: 'button', href: `#/data/${enc(tenant)}/${enc(id)}`}, 'Chart all metrics');
  const updateLink = () => {
    const list = chosen.size ? [...chosen] : metrics.metrics.map((m) => m.id);
    chartLink.href = `#/data/${enc(tenant)}/${enc(id)}${query({metrics: list.join(',')})}`;
    chartLink.textContent = chosen.size ? `Chart ${chosen.size} selected metric${chosen.size > 1 ? 's' : ''}` : 'Chart all metrics';
  };
  const metricRows = metrics.metrics.map((m) => {
    const value = latest.metrics[m.id];
    const box = h('input', {type: 'checkbox', 'aria-label': `Select ${m.display_name || m.id} for the chart`, onchange: (e) => {
      if (e.target.checked) chosen.add(m.id); else chosen.delete(m.id);
      updateLink();
    }});
    return h('tr', {dataset: {metric: m.id}},
      h('td', {}, box),
      h('td', {}, h('a', {href: `#/data/${enc(tenant)}/${enc(id)}${query({metrics: m.id})}`}, m.id)),
      h('td', {}, m.display_name || ''),
      h('td', {}, m.unit || ''),
      h('td', {class: 'num'}, value ? String(value.value) : '—'),
      h('td', {}, value ? time(value.time) : ''));
  });
  const commands = h('div', {});
  render(main,
    h('h1', {}, device.name && device.name !== device.id ? `${device.name} (${device.id})` : device.id),
    h('p', {}, badge(device.status), ` last seen ${device.last_seen ? ago(device.last_seen) : 'never'} · type ${device.type || '—'} · tenant ${tenant} `,
      Object.entries(device.tags || {}).map(([k, v]) => h('span', {class: 'tag'}, `${k}:${v}`))),
    h('h2', {}, 'Metrics'),
    table('Metrics and latest values', ['', 'Metric', 'Name', 'Unit', 'Latest', 'At'], metricRows),
    h('p', {}, chartLink),
    h('h2', {}, 'Status history'),
    table('Status history', ['From', 'To', 'At'], (device.status_history || []).slice().reverse().map((c) => [badge(c.from), badge(c.to), time(c.at)])),
    commands);
  updateLink();
  if (can('operator', tenant)) await commandSection(commands, tenant, id, base);
}

async function commandSection(container, tenant, id, base) {
  const owner = await api('GET', '/api/v1/drivers').then((r) => r.drivers.find((d) => (d.devices || []).includes(`${tenant}/${id}`))).catch(() => null);
  const name = h('input', {type: 'text', name: 'name', required: true, spellcheck: 'false'});
  const args = h('textarea', {name: 'arguments', rows: 3, spellcheck: 'false'}, '{}');
  const timeout = h('input', {type: 'text', inputmode: 'numeric', name: 'timeout_seconds', value: '30', size: 5});
  const state = h('div', {role: 'status', 'aria-live': 'polite', class: 'command-state'});
  const history = h('div', {});
  const loadHistory = async () => {
    const {commands} = await api('GET', `${base}/commands`);
    history.replaceChildren(table('Recent commands', ['Command', 'Arguments', 'State', 'Answer', 'Sent'], commands.map((c) =>
      [c.name, h('code', {}, JSON.stringify(c.arguments)), badge(c.state), c.answer || '', time(c.created_at)])));
  };
  const form = h('form', {class: 'panel', novalidate: true},
    owner ? h('p', {class: 'muted'}, `Sent through driver ${owner.id} (${owner.type}).`) : h('p', {class: 'muted'}, 'No driver has claimed this device yet; the server says whether a command can be routed.'),
    field('Command', name), field('Arguments (JSON object)', args), field('Timeout (s)', timeout),
    h('button', {type: 'submit'}, 'Send command'), state);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(args.value || '{}');
    } catch (err) {
      state.replaceChildren(problemBox(`the arguments are not JSON: ${err.message}`));
      return;
    }
    try {
      let command = await api('POST', `${base}/commands`, {name: name.value.trim(), arguments: parsed, timeout_seconds: Number(timeout.value)});
      for (let i = 0; i < 120 && !FINAL.includes(command.state); i++) {
        state.replaceChildren(`${command.name}: `, badge(command.state), command.answer ? ` ${command.answer}` : '');
        await new Promise((r) => setTimeout(r, 500));
        command = await api('GET', `${base}/commands/${enc(command.id)}`);
      }
      state.replaceChildren(`${command.name}: `, badge(command.state), command.answer ? ` ${command.answer}` : '');
      await loadHistory();
    } catch (err) {
      state.replaceChildren(problemBox(err));
    }
  });
  container.replaceChildren(h('h2', {}, 'Send a command'), form, history);
  await loadHistory().catch((err) => toast(err.message, 'bad'));
}
