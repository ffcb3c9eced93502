// Small DOM helpers: elements are built with h(), never from HTML strings, so nothing the server
// returns is interpreted as markup.

/** h('button', {type: 'button', onclick: f}, 'Save') */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
/** A unique element id (labels, aria-describedby). */
export function uid(prefix) {
  ids += 1;
  return `${prefix || 'f'}-${ids}`;
}

/** A table with a caption (for screen readers), header cells and rows of cells. */
export function table(caption, headers, rows, attrs) {
  return h('div', {class: 'table-wrap'},
    h('table', attrs || {},
      h('caption', {class: caption.visible ? '' : 'sr-only'}, caption.text || caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, rows.length
        ? rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => h('td', {}, c)))))
        : h('tr', {}, h('td', {colspan: headers.length, class: 'muted'}, 'Nothing here yet.')))));
}

/** A coloured state word (with the word itself, never colour alone). */
export function badge(text, kind) {
  return h('span', {class: `badge badge-${kind || stateKind(text)}`}, text || '—');
}

export function stateKind(state) {
  const s = String(state || '').toLowerCase();
  if (['up', 'active', 'running', 'online', 'succeeded', 'delivered', 'enabled', 'success'].includes(s)) return 'ok';
  if (['degraded', 'starting', 'backoff', 'pending', 'resolved', 'installed', 'stopped', 'offline', 'starting'].includes(s)) return 'warn';
  if (['down', 'failed', 'install_failed', 'timed_out', 'refused', 'denied', 'failure'].includes(s)) return 'bad';
  return 'neutral';
}

/** ISO-8601 UTC time as "2026-12-02 10:15:03 UTC" (title: the exact value). */
export function time(iso) {
  if (!iso) return '—';
  const text = iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
  return h('time', {datetime: iso, title: iso}, text);
}

export function ago(iso) {
  if (!iso) return 'never';
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return `${Math.max(0, seconds)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

export function duration(seconds) {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  return (d ? `${d} d ` : '') + `${hh} h ${mm} min ${s % 60} s`;
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** A short message in the live region (screen readers announce it). */
export function toast(message, kind) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.className = `toast show ${kind || ''}`;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.className = 'toast'; }, 5000);
}

/**
 * A button for one action on one thing: asks `question` first (when given), runs `run`, says
 * `done` in the live region and calls `after` (a reload); a refusal is shown in words. `subject`
 * completes the label for screen readers ("Delete" → "Delete press-1").
 */
export function actionButton(label, subject, {kind, question, run, done, after}) {
  return h('button', {type: 'button', class: kind || 'secondary', onclick: async () => {
    if (question && !confirm(question)) return;
    try {
      await run();
      if (done) toast(done);
      if (after) await after();
    } catch (e) {
      toast(e.message, 'bad');
    }
  }}, label, subject ? h('span', {class: 'sr-only'}, ` ${subject}`) : null);
}

/** A problem message box (role=alert) for an error of the API. */
export function problemBox(error) {
  return h('div', {class: 'problem', role: 'alert'}, error && error.message ? error.message : String(error));
}

/** Replaces the page content and moves focus to its heading (keyboard and screen readers). */
export function render(main, ...children) {
  main.replaceChildren(...children.flat());
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: true});
  }
}

/** A labelled form field wrapper. */
export function field(label, control, help, id) {
  const controlId = id || control.id || uid('f');
  control.id = controlId;
  const helpId = help ? `${controlId}-help` : null;
  if (helpId) control.setAttribute('aria-describedby', helpId);
  return h('div', {class: 'field'},
    h('label', {for: controlId}, label),
    control,
    help ? h('small', {id: helpId, class: 'help'}, help) : null);
}
