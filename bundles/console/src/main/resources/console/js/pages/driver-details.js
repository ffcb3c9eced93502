// What a driver reports about itself on its page: the health of each mapped node (details.nodes),
// the certificates of its server with the trust step, and a browser of the server's address space,
// for driver types that offer them (OPC UA).
import {api, can, enc} from '../api.js';
import {actionButton, badge, h, problemBox, table, time} from '../dom.js';

export async function driverDetails(driver, reload) {
  const parts = [];
  const nodes = driver.details && driver.details.nodes;
  if (nodes) parts.push(nodeTable(nodes));
  const capabilities = driver.capabilities || [];
  if (capabilities.includes('certificates')) {
    parts.push(certificatePanel(driver, await api('GET', `/api/v1/drivers/${enc(driver.id)}/certificates`), reload));
  }
  if (capabilities.includes('browse') && can('operator')) parts.push(browser(driver));
  return parts;
}

/** The node table alone, for the page's periodic refresh. */
export function nodeTable(nodes) {
  return h('section', {class: 'panel', id: 'driver-nodes'}, h('h2', {}, 'Nodes'),
    table('Mapped nodes', ['Node', 'Series', 'State', 'Last value', 'At', 'Time from', 'Last status', 'Bad', 'Uncertain', 'Unsupported', 'Reason'],
      nodes.map((n) => h('tr', {dataset: {node: n.node}},
        h('td', {}, h('code', {}, n.node), n.node_id && n.node_id !== n.node ? h('div', {class: 'muted'}, n.node_id) : null),
        h('td', {}, `${n.tenant}/${n.device}/${n.metric}`),
        h('td', {}, badge(n.state, n.state === 'ok' ? 'ok' : n.state === 'waiting' ? 'warn' : 'bad')),
        h('td', {}, n.last_value === null ? '' : String(n.last_value)),
        h('td', {}, n.last_value_at ? time(n.last_value_at) : ''),
        h('td', {}, n.timestamp_source || ''),
        h('td', {}, n.last_status || ''),
        h('td', {}, String(n.bad_status_count)),
        h('td', {}, String(n.uncertain_status_count)),
        h('td', {}, String(n.unsupported_count)),
        h('td', {class: 'error-text'}, n.reason || '')))));
}

function certificatePanel(driver, certificates, reload) {
  const rows = certificates.server.map((c) => h('tr', {dataset: {thumbprint: c.thumbprint}},
    h('td', {}, h('code', {}, c.thumbprint)),
    h('td', {}, c.subject),
    h('td', {}, time(c.not_before), ' – ', time(c.not_after)),
    h('td', {}, badge(c.trusted ? 'trusted' : 'rejected', c.trusted && !c.problem ? 'ok' : 'bad')),
    h('td', {class: 'error-text'}, c.problem || ''),
    h('td', {class: 'actions'}, can('admin') ? (c.trusted
      ? actionButton('Withdraw trust', c.thumbprint, {kind: 'danger', question: `Stop trusting ${c.subject}? The driver reconnects and is refused.`,
        run: () => api('DELETE', `/api/v1/drivers/${enc(driver.id)}/certificates/${c.thumbprint}/trust`), done: 'trust withdrawn', after: reload})
      : actionButton('Trust', c.thumbprint, {question: `Trust the server certificate ${c.thumbprint} of ${c.subject}? Compare the thumbprint with the one the server shows.`,
        run: () => api('POST', `/api/v1/drivers/${enc(driver.id)}/certificates/${c.thumbprint}/trust`), done: 'trusted; the driver reconnects', after: reload})) : null)));
  const client = certificates.client;
  return h('section', {class: 'panel', id: 'driver-certificates'}, h('h2', {}, 'Certificates'),
    table('Server certificates', ['Thumbprint (SHA-1)', 'Subject', 'Valid', 'Trust', 'Problem', 'Actions'], rows),
    client ? h('details', {}, h('summary', {}, `This runtime's client certificate (${client.thumbprint}) — the server must trust it`),
      h('pre', {class: 'pem'}, client.pem)) : null);
}

function browser(driver) {
  const path = h('p', {class: 'muted'});
  const list = h('div', {});
  const trail = [];
  const open = async (node, label) => {
    try {
      const answer = await api('GET', `/api/v1/drivers/${enc(driver.id)}/browse${node ? `?node=${enc(node)}` : ''}`);
      if (label !== undefined) trail.push({node, label});
      path.replaceChildren('Objects', ...trail.map((t) => ` / ${t.label}`));
      list.replaceChildren(table('Children', ['Node id', 'Browse name', 'Class', 'Data type', 'Value', 'Status'],
        answer.children.map((c) => h('tr', {},
          h('td', {}, h('code', {}, c.node_id)),
          h('td', {}, c.has_children
            ? h('button', {type: 'button', class: 'link', onclick: () => open(c.node_id, c.display_name || c.browse_name)}, c.browse_name)
            : c.browse_name),
          h('td', {}, c.node_class || ''),
          h('td', {}, c.data_type || ''),
          h('td', {}, c.value === null || c.value === undefined ? '' : JSON.stringify(c.value)),
          h('td', {}, c.status || '')))));
    } catch (e) {
      list.replaceChildren(problemBox(e));
    }
  };
  const start = h('button', {type: 'button', class: 'secondary', onclick: () => { trail.length = 0; open(null); }}, 'Browse the server');
  return h('section', {class: 'panel', id: 'driver-browse'}, h('h2', {}, 'Browse'), start, path, list);
}
