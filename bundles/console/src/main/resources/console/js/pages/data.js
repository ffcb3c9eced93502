// Charts of stored series (bucketed by the server, see buckets.js) with live updates from the
// device's server-sent event stream for ranges that end now.
import {api, enc, query} from '../api.js';
import {label, queryWindow, RANGES} from '../buckets.js';
import {field, h, problemBox, render} from '../dom.js';
import {LiveBuckets} from '../live.js';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

export async function show(main, route) {
  const [tenant, device] = route.parts;
  const base = `/api/v1/tenants/${enc(tenant)}/devices/${enc(device)}`;
  const p = route.params;
  const all = (await api('GET', `${base}/metrics`)).metrics;
  const wanted = (p.get('metrics') || '').split(',').filter(Boolean);
  const metrics = (wanted.length ? all.filter((m) => wanted.includes(m.id)) : all);
  const range = p.get('range') || (p.get('from') ? 'custom' : '1h');
  const now = Date.now();
  const fromMs = range === 'custom' ? Date.parse(p.get('from')) : now - (RANGES[range] || 3600) * 1000;
  const toMs = range === 'custom' ? Date.parse(p.get('to') || new Date(now).toISOString()) : now;
  const link = (params, ids = metrics.map((m) => m.id)) => `#/data/${enc(tenant)}/${enc(device)}${query({metrics: ids.join(','), ...params})}`;

  const rangeButtons = h('div', {class: 'range', role: 'group', 'aria-label': 'Time range'},
    Object.keys(RANGES).map((r) => h('a', {class: `button ${r === range ? '' : 'secondary'}`, href: link({range: r}), 'aria-current': r === range ? 'true' : null, dataset: {range: r}}, `Last ${r}`)));
  const fromInput = h('input', {type: 'datetime-local', step: 1, value: localInput(fromMs)});
  const toInput = h('input', {type: 'datetime-local', step: 1, value: localInput(toMs)});
  const custom = h('form', {class: 'inline', onsubmit: (e) => {
    e.preventDefault();
    const f = Date.parse(fromInput.value);
    const t = Date.parse(toInput.value);
    if (Number.isFinite(f) && Number.isFinite(t) && f < t) location.hash = link({range: 'custom', from: new Date(f).toISOString(), to: new Date(t).toISOString()});
  }}, field('From (local time)', fromInput), field('To (local time)', toInput), h('button', {type: 'submit', class: 'secondary'}, 'Show range'));
  const picker = h('fieldset', {class: 'panel metrics-picker'}, h('legend', {}, 'Metrics on the chart'),
    all.map((m) => h('label', {class: 'check'}, h('input', {type: 'checkbox', checked: metrics.includes(m), onchange: (e) => {
      const ids = new Set(metrics.map((x) => x.id));
      if (e.target.checked) ids.add(m.id); else ids.delete(m.id);
      if (ids.size) location.hash = link({range, from: p.get('from'), to: p.get('to')}, [...ids]);
    }}), ` ${m.display_name || m.id}${m.unit ? ` (${m.unit})` : ''}`)));
  const info = h('p', {id: 'chart-info', class: 'muted', role: 'status'}, 'Loading…');
  const chartBox = h('div', {id: 'chart', class: 'chart', role: 'img', 'aria-label': `Chart of ${metrics.map((m) => m.display_name || m.id).join(', ')}`});
  const csv = h('a', {class: 'button secondary', id: 'csv-download', href: '#', download: `${device}.csv`}, 'Download CSV');
  render(main,
    h('h1', {}, `Data of ${device}`),
    h('p', {}, h('a', {href: `#/device/${enc(tenant)}/${enc(device)}`}, `← device ${device}`)),
    h('div', {class: 'chart-controls'}, rangeButtons, custom),
    picker, info, chartBox,
    h('p', {class: 'muted'}, 'Drag across the chart to zoom into a range; double-click or pick a range to leave it.'), h('p', {}, csv));
  if (!metrics.length) {
    info.textContent = 'This device has reported no metric yet.';
    return undefined;
  }

  const window_ = queryWindow(fromMs, toMs);
  let series;
  try {
    series = await Promise.all(metrics.map((m) => api('GET', `${base}/metrics/${enc(m.id)}/samples${query({
      from: new Date(window_.from).toISOString(), to: new Date(window_.to).toISOString(), bucket: `PT${window_.bucket}S`, agg: 'avg,count'})}`)));
  } catch (e) {
    info.replaceChildren(problemBox(e));
    return undefined;
  }
  const xs = series[0].buckets.map((b) => Date.parse(b.time) / 1000);
  const ys = series.map((s) => s.buckets.map((b) => (b.count ? b.avg : null)));
  const counts = series.map((s) => s.buckets.map((b) => b.count));
  const uPlot = await loadUplot();
  const units = [...new Set(metrics.map((m) => m.unit || ''))];
  const opts = {
    width: Math.max(320, chartBox.clientWidth),
    height: 360,
    cursor: {drag: {x: true, y: false, setScale: false}},
    scales: {x: {time: true}},
    series: [{label: 'time'}].concat(metrics.map((m, i) => ({
      label: `${m.display_name || m.id}${m.unit ? ` (${m.unit})` : ''}`,
      stroke: COLORS[i % COLORS.length], width: 1.5, scale: m.unit || '', spanGaps: false,
      value: (u, v) => (v === null || v === undefined ? '—' : Number(v.toPrecision(6)).toString())}))),
    axes: [{}].concat(units.slice(0, 2).map((unit, i) => ({scale: unit, side: i === 0 ? 3 : 1, label: unit, grid: {show: i === 0}}))),
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 5) return;
        const f = u.posToVal(u.select.left, 'x') * 1000;
        const t = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
        u.setSelect({left: 0, width: 0, top: 0, height: 0}, false);
        location.hash = link({range: 'custom', from: new Date(f).toISOString(), to: new Date(t).toISOString()});
      }],
    },
  };
  const chart = new uPlot(opts, [xs, ...ys], chartBox);
  chartBox.addEventListener('dblclick', () => { location.hash = link({range: '1h'}); });
  const points = xs.length * metrics.length;
  const describe = (live) => {
    info.textContent = `${xs.length} buckets of ${label(window_.bucket)} per metric (${points} points)`
      + `${window_.bucket % 3600 === 0 ? ', from the hourly rollups' : ''}${live ? ' · live' : ''}`;
  };
  chartBox.dataset.bucketSeconds = String(window_.bucket);
  chartBox.dataset.points = String(xs.length);
  chartBox.dataset.updates = '0';
  describe(false);
  window.armatureChart = {drawnAt: performance.now(), buckets: xs.length, bucketSeconds: window_.bucket};
  const resize = new ResizeObserver(() => chart.setSize({width: Math.max(320, chartBox.clientWidth), height: 360}));
  resize.observe(chartBox);
  csv.addEventListener('click', () => { csv.href = csvUrl(metrics, chart.data); });

  let source = null;
  if (range !== 'custom' && RANGES[range] <= 86400) {
    const live = new LiveBuckets(window_.bucket, xs, ys, counts, metrics.map((m) => m.id), RANGES[range]);
    source = new EventSource(`${base}/stream${query({metric: metrics.map((m) => m.id)})}`);
    source.addEventListener('ready', () => describe(true));
    source.addEventListener('samples', (event) => {
      const body = JSON.parse(event.data);
      if (live.add(body.samples, Date.now() / 1000)) {
        chart.setData(live.data());
        chartBox.dataset.updates = String(Number(chartBox.dataset.updates) + 1);
        chartBox.dataset.points = String(live.data()[0].length);
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) info.textContent += ' · live updates stopped (reload the page)';
    });
  }
  return () => {
    if (source) source.close();
    resize.disconnect();
    chart.destroy();
  };
}

let uplotLoading = null;
/** uPlot (from its webjar, served with the console) is loaded when the first chart is drawn. */
function loadUplot() {
  if (window.uPlot) return Promise.resolve(window.uPlot);
  if (!uplotLoading) {
    uplotLoading = new Promise((resolve, reject) => {
      document.head.append(h('link', {rel: 'stylesheet', href: 'vendor/uplot/uPlot.min.css'}));
      const script = h('script', {src: 'vendor/uplot/uPlot.iife.min.js'});
      script.addEventListener('load', () => resolve(window.uPlot));
      script.addEventListener('error', () => reject(new Error('the chart library could not be loaded')));
      document.head.append(script);
    });
  }
  return uplotLoading;
}

function csvUrl(metrics, data) {
  const lines = [['time'].concat(metrics.map((m) => m.id)).join(',')];
  for (let i = 0; i < data[0].length; i++) {
    lines.push([new Date(data[0][i] * 1000).toISOString()].concat(data.slice(1).map((s) => (s[i] === null || s[i] === undefined ? '' : s[i]))).join(','));
  }
  return URL.createObjectURL(new Blob([lines.join('\n') + '\n'], {type: 'text/csv'}));
}

function localInput(ms) {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 19);
}
