import {api, can} from '../api.js';
import {actionButton, badge, h, problemBox, render, table} from '../dom.js';

export async function show(main) {
  const status = h('div', {role: 'status', 'aria-live': 'polite', class: 'upload-status'});
  const picker = h('input', {type: 'file', id: 'plugin-file', accept: '.jar,application/java-archive'});
  const drop = h('div', {class: 'dropzone', id: 'plugin-drop', tabindex: '0', 'aria-describedby': 'plugin-drop-help'},
    h('label', {for: 'plugin-file'}, 'Upload a plugin jar'), picker,
    h('p', {id: 'plugin-drop-help', class: 'help'}, 'Choose a file or drop a jar here. It is installed and started like a jar dropped into deploy/; a newer version of an installed plugin replaces it.'),
    status);
  const bundles = h('div', {});
  const plugins = h('div', {});
  render(main, h('h1', {}, 'Plugins and bundles'), can('admin') ? drop : null,
    h('h2', {}, 'Plugins by kind'), plugins, h('h2', {}, 'Bundles'), bundles);

  const load = async () => {
    const [b, p] = await Promise.all([api('GET', '/api/v1/system/bundles'), api('GET', '/api/v1/system/plugins')]);
    bundles.replaceChildren(bundleTable(b.bundles, upload, load));
    plugins.replaceChildren(pluginList(p.kinds));
    return b.bundles;
  };
  const upload = async (file) => {
    if (!file) return;
    status.replaceChildren(`Uploading ${file.name}…`);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const bundle = await api('POST', '/api/v1/system/bundles', form);
      status.replaceChildren(`${bundle.symbolic_name} ${bundle.version} installed (${bundle.state}).`);
      await waitActive(bundle.id, load, status);
    } catch (e) {
      status.replaceChildren(problemBox(`${file.name}: ${e.message}`));
    }
  };
  picker.addEventListener('change', () => upload(picker.files[0]).finally(() => { picker.value = ''; }));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    upload(e.dataTransfer.files[0]);
  });
  await load();
  const timer = setInterval(() => load().catch(() => {}), 5000);
  return () => clearInterval(timer);
}

/** Polls until the new bundle is ACTIVE (or reports why not), without reloading the page. */
async function waitActive(id, load, status) {
  for (let i = 0; i < 20; i++) {
    const bundles = await load();
    const bundle = bundles.find((b) => b.id === id);
    if (bundle && (bundle.state === 'ACTIVE' || bundle.error)) {
      status.replaceChildren(bundle.state === 'ACTIVE'
        ? `${bundle.symbolic_name} ${bundle.version} is running.`
        : problemBox(`${bundle.symbolic_name} cannot start: ${bundle.error}`));
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function bundleTable(list, upload, reload) {
  return table('Bundles', ['Id', 'Bundle', 'Version', 'State', 'Problem', 'Actions'], list.map((b) => {
    const actions = [];
    if (b.deployed && b.id !== null && can('admin')) {
      const update = h('input', {type: 'file', accept: '.jar', class: 'sr-only', id: `update-${b.id}`});
      update.addEventListener('change', () => upload(update.files[0]));
      actions.push(h('label', {class: 'button secondary', for: update.id}, 'Update…', h('span', {class: 'sr-only'}, ` ${b.symbolic_name}`)), update,
        actionButton('Uninstall', b.symbolic_name, {kind: 'danger', question: `Uninstall ${b.symbolic_name}? Its file in deploy/ is deleted.`,
          run: () => api('DELETE', `/api/v1/system/bundles/${b.id}`), done: `${b.symbolic_name} uninstalled`, after: reload}));
    }
    return h('tr', {dataset: {bundle: b.symbolic_name || b.location}},
      h('td', {}, b.id === null ? '—' : String(b.id)),
      h('td', {}, b.symbolic_name || h('span', {class: 'mono'}, b.location), b.deployed ? h('span', {class: 'tag'}, 'plugin') : null),
      h('td', {}, b.version || ''),
      h('td', {}, badge(b.state)),
      h('td', {class: 'error-text'}, b.error || ''),
      h('td', {class: 'actions'}, actions));
  }));
}

function pluginList(kinds) {
  return h('div', {class: 'kinds'}, Object.entries(kinds).map(([kind, list]) =>
    h('details', {open: list.length > 0 && kind !== 'rest_resource' && kind !== 'health_check'},
      h('summary', {}, `${kind.replace(/_/g, ' ')} (${list.length})`),
      list.length ? h('ul', {}, list.map((p) => h('li', {},
        h('code', {}, p.name), ' — ', p.bundle_symbolic_name, p.state ? [' ', badge(p.state.toLowerCase())] : null,
        p.state_message ? h('span', {class: 'error-text'}, ` ${p.state_message}`) : null))) : h('p', {class: 'muted'}, 'none'))));
}
