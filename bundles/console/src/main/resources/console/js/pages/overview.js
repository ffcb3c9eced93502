import {api} from '../api.js';
import {badge, bytes, duration, h, problemBox, render, table, time} from '../dom.js';

export async function show(main) {
  const body = h('div', {});
  render(main, h('h1', {}, 'Overview'), body);
  const refresh = async () => {
    try {
      const [system, health] = await Promise.all([api('GET', '/api/v1/system'), api('GET', '/health')]);
      body.replaceChildren(...view(system, health));
    } catch (e) {
      if (e.status !== 401) body.replaceChildren(problemBox(e));
    }
  };
  await refresh();
  const timer = setInterval(refresh, 5000);
  return () => clearInterval(timer);
}

function view(system, health) {
  const checks = Object.fromEntries((health.checks || []).map((c) => [c.name, c]));
  const ingest = (checks.ingest && checks.ingest.data) || {};
  const storage = (checks.storage && checks.storage.data) || {};
  const devices = ingest.devices || {};
  const spools = Object.values(storage.spools || {});
  const spoolBytes = spools.reduce((sum, s) => sum + (s.bytes || 0), 0);
  const spoolSamples = spools.reduce((sum, s) => sum + (s.samples || 0), 0);
  const rejected = Object.entries(ingest.rejected_samples || {});
  return [
    h('section', {class: 'cards', 'aria-label': 'Runtime'},
      card('Status', badge(health.status), `checked ${new Date(health.checked_at).toLocaleTimeString()}`),
      card('Version', system.version, `Java ${system.java_version}`),
      card('Profile', system.profile, `${system.enabled_features.length} features enabled`),
      card('Uptime', duration(system.uptime_seconds), h('span', {}, 'since ', time(system.started_at))),
      card('Ingest now', `${fmtRate(ingest.accepted_per_second)} samples/s`, 'average over the last minute', 'ingest-rate'),
      card('Devices', `${devices.online || 0} online · ${devices.offline || 0} offline`, `${devices.unknown || 0} never seen · ${ingest.tenants || 0} tenants`, 'devices-online'),
      card('Spool', bytes(spoolBytes), `${spoolSamples} samples waiting for storage`),
      card('Accepted', String(ingest.accepted_samples || 0), 'samples since start')),
    h('h2', {}, 'Health checks'),
    table('Health checks', ['Check', 'Status', 'Detail'], (health.checks || []).map((c) => [
      c.name, badge(c.status), h('span', {}, c.detail || '', details(c.data))])),
    h('h2', {}, 'Rejected samples by reason'),
    table('Rejected samples by reason', ['Reason', 'Samples'], rejected.map(([reason, n]) => [h('code', {}, reason), String(n)])),
  ];
}

function card(title, value, note, id) {
  return h('div', {class: 'card', id: id || null},
    h('h3', {}, title), h('div', {class: 'value'}, value), note ? h('div', {class: 'note'}, note) : null);
}

function details(data) {
  if (!data || !Object.keys(data).length) return null;
  return h('details', {}, h('summary', {}, 'details'), h('pre', {}, JSON.stringify(data, null, 2)));
}

function fmtRate(value) {
  const v = Number(value || 0);
  return v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1);
}
