// The Admin workspace's content gaps: asks drafts could not cover, documents flagged in
// feedback. Read from GET /api/admin/content-gaps, which checks the admin role itself.
import { api, el, showError } from '/workspace.js';

function empty(columns, text) {
  const tr = el('tr');
  tr.appendChild(el('td', text, { colspan: String(columns) }));
  return tr;
}

async function loadGaps() {
  const report = await api('/api/admin/content-gaps');
  document.querySelector('#uncovered-asks tbody').replaceChildren(...(report.uncoveredAsks.length
    ? report.uncoveredAsks.map(a => {
      const tr = el('tr');
      tr.append(el('td', a.text), el('td', String(a.count)), el('td', new Date(a.lastSeen).toLocaleString()));
      return tr;
    })
    : [empty(3, 'Every ask of every draft was covered.')]));
  document.querySelector('#flagged-documents tbody').replaceChildren(...(report.flaggedDocuments.length
    ? report.flaggedDocuments.map(d => {
      const tr = el('tr');
      const name = el('td');
      name.appendChild(el('a', d.title, { href: '/view.html?doc=' + encodeURIComponent(d.documentId) }));
      name.appendChild(el('div', d.path, { class: 'meta' }));
      tr.append(name, el('td', String(d.count)), el('td', String(d.wrongSource)), el('td', String(d.outdated)),
        el('td', d.lastComment || ''));
      return tr;
    })
    : [empty(5, 'No document has been flagged.')]));
}

loadGaps().catch(showError);
