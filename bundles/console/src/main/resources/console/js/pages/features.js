import {api, can, enc} from '../api.js';
import {badge, h, render, toast} from '../dom.js';

export async function show(main) {
  const list = h('div', {class: 'stack'});
  render(main, h('h1', {}, 'Features'),
    h('p', {class: 'muted'}, 'The profile\'s features: switching one on installs and starts its bundles and configurations at once; switching it off removes them. The change survives a restart.'),
    list);
  const load = async () => {
    const {features} = await api('GET', '/api/v1/system/features');
    list.replaceChildren(...features.map((f) => featureCard(f, load)));
  };
  await load();
}

function featureCard(feature, reload) {
  const error = h('div', {class: 'problem', role: 'alert', hidden: true});
  const toggle = h('input', {type: 'checkbox', role: 'switch', id: `feature-${feature.id}`,
    checked: feature.enabled, disabled: feature.required || !can('admin'), 'aria-describedby': `feature-${feature.id}-desc`});
  toggle.addEventListener('change', async () => {
    toggle.disabled = true;
    error.hidden = true;
    try {
      await api('PUT', `/api/v1/system/features/${enc(feature.id)}`, {enabled: toggle.checked});
      toast(`${feature.title}: ${toggle.checked ? 'enabled' : 'disabled'}`);
      await reload();
    } catch (e) {
      toggle.checked = !toggle.checked;
      toggle.disabled = false;
      error.textContent = `${feature.title} could not be ${toggle.checked ? 'disabled' : 'enabled'}: ${e.message}`;
      error.hidden = false;
    }
  });
  return h('article', {class: 'panel feature', dataset: {feature: feature.id}},
    h('div', {class: 'row'},
      h('h2', {}, feature.title, ' ', h('code', {class: 'muted'}, feature.id)),
      h('label', {class: 'switch', for: toggle.id}, toggle, h('span', {}, feature.required ? 'required' : 'enabled')),
      badge(feature.enabled ? 'enabled' : 'disabled')),
    h('p', {id: `feature-${feature.id}-desc`}, feature.description || ''),
    error,
    h('details', {},
      h('summary', {}, `Installs ${feature.bundles.length} bundles` + (feature.configuration_pids.length ? ` and ${feature.configuration_pids.length} configurations` : '')),
      h('ul', {class: 'mono'}, feature.bundles.map((b) => h('li', {}, b)),
        feature.configuration_pids.map((p) => h('li', {}, `configuration ${p}`)))));
}

