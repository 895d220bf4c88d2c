// The Audit workspace: the trail's status (always shown), records found by filters the server
// runs in its query, one record's page with its integrity and an audited reveal, the access
// review of a document, and exports. Every call goes through the API, which checks the role.
import { api, el, labelCells, showError } from '/workspace.js';

const PAGE = 25;
let offset = 0;
let lastFilters = new URLSearchParams();

function when(time) {
  return time ? new Date(time).toLocaleString() : '';
}

function iso(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

function row(cells) {
  const tr = el('tr');
  cells.forEach(c => tr.appendChild(c instanceof Node ? wrap(c) : el('td', c)));
  return tr;
}

function wrap(node) {
  const td = el('td');
  td.appendChild(node);
  return td;
}

async function showStatus() {
  const box = document.getElementById('trail-status');
  try {
    const v = await api('/api/audit/verify');
    box.classList.toggle('broken', !v.intact);
    const verdict = v.intact ? 'Chain intact: ' + v.records + ' records verified.'
      : 'Chain BROKEN at record ' + v.firstBrokenId + ': ' + v.problem;
    let signing;
    if (!v.signed) {
      signing = 'Not signed: no signing key is configured, so there are no checkpoints.';
    } else if (!v.checkpoints) {
      signing = 'Signed, but no checkpoint yet.';
    } else {
      const waiting = v.records - v.coveredRecords;
      signing = v.checkpoints + (v.checkpoints === 1 ? ' signed checkpoint covers' : ' signed checkpoints cover')
        + ' records 1-' + v.coveredRecords
        + (v.newestCheckpointAt ? ' (newest ' + when(v.newestCheckpointAt) + ')' : '')
        + (waiting > 0 ? '; ' + waiting + (waiting === 1 ? ' newer record awaits' : ' newer records await')
          + ' the next one.' : '.');
    }
    box.replaceChildren(el('strong', verdict), ' ', el('span', signing));
    box.dataset.intact = String(v.intact);
  } catch (e) {
    box.textContent = 'Cannot check the trail: ' + e.message;
    box.classList.add('broken');
  }
}

function filtersFromForm() {
  const form = new FormData(document.getElementById('filters'));
  const params = new URLSearchParams();
  for (const [name, value] of form.entries()) {
    const v = String(value).trim();
    if (!v) continue;
    params.set(name, name === 'from' || name === 'to' ? iso(v) : v);
  }
  return params;
}

function outcome(r) {
  if (r.action !== 'answer') return r.details ? summary(r.details) : '';
  if (r.pruned) return 'content pruned by retention';
  const bits = [r.refused ? 'refused' : 'answered'];
  if (r.verification && r.verification.flaggedSentences) bits.push(r.verification.flaggedSentences + ' flagged');
  if (r.verification && r.verification.removedSentences) bits.push(r.verification.removedSentences + ' removed');
  if (r.fallbackReason) bits.push('LLM fell back');
  if (r.redacted) bits.push('redacted');
  return bits.join(', ');
}

function summary(details) {
  return Object.entries(details).filter(([k]) => k !== 'pruned' && k !== 'records')
    .map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join('; ');
}

async function search(newOffset) {
  offset = newOffset;
  const params = new URLSearchParams(lastFilters);
  params.set('limit', PAGE);
  params.set('offset', offset);
  const page = await api('/api/audit/page?' + params);
  const body = document.querySelector('#results tbody');
  body.replaceChildren(...page.records.map(r => {
    const link = el('a', String(r.id), { href: '#record-' + r.id });
    const text = r.action === 'answer'
      ? (r.redacted ? 'Redacted: draws on ' + r.withheldDocuments.map(d => d.path).join(', ')
        : r.pruned ? '(pruned)' : r.question)
      : r.action;
    return row([link, when(r.createdAt), r.user, r.action === 'answer' ? 'answer' : 'admin', text, outcome(r)]);
  }));
  if (!page.records.length) body.appendChild(row([el('span', 'No records match.')]));
  labelCells(document.getElementById('results'));
  document.getElementById('page-info').textContent = page.total
    ? (offset + 1) + '-' + (offset + page.records.length) + ' of ' + page.total : '0 records';
  document.getElementById('prev').disabled = offset === 0;
  document.getElementById('next').disabled = offset + page.records.length >= page.total;
}

function fact(list, name, value) {
  list.append(el('dt', name));
  const dd = el('dd');
  if (value instanceof Node) dd.appendChild(value); else dd.textContent = value === null || value === undefined ? '' : String(value);
  list.append(dd);
}

function renderRecord(page, container) {
  const r = page.record;
  const integrity = page.integrity;
  container.replaceChildren();
  const facts = el('dl', undefined, { class: 'facts' });
  const status = el('span', integrity.status === 'intact' ? 'intact: content matches its digest, hash and link verify'
    : integrity.status === 'pruned' ? 'content pruned by retention (accounted for by a pruning record); hash and link verify'
      : 'BROKEN: ' + integrity.problem, { class: 'integrity-' + integrity.status, id: 'integrity' });
  fact(facts, 'Integrity', status);
  fact(facts, 'Signed checkpoint', integrity.coveredByCheckpoint ? 'covered by checkpoint ' + integrity.coveredByCheckpoint : 'not covered yet');
  fact(facts, 'Time', when(r.createdAt));
  fact(facts, 'Who', r.user + (r.groups.length ? ' (groups: ' + r.groups.join(', ') + ')' : ''));
  fact(facts, 'Kind', r.action);
  if (r.action !== 'answer') {
    fact(facts, 'Details', r.details ? JSON.stringify(r.details, null, 1) : '');
  } else {
    fact(facts, 'Answerer', r.answerer);
    fact(facts, 'Prompt version', r.promptVersion);
    fact(facts, 'Parameters', r.request ? JSON.stringify(r.request) : '');
    fact(facts, 'Latencies (ms)', r.latenciesMs ? Object.entries(r.latenciesMs).map(([k, v]) => k + ' ' + Math.round(v)).join(', ') : '');
    if (r.fallbackReason) fact(facts, 'LLM fallback', r.fallbackReason);
    if (r.details && r.details.piiRedacted) fact(facts, 'Personal data redacted', Object.entries(r.details.piiRedacted).map(([k, v]) => v + ' ' + k).join(', '));
  }
  fact(facts, 'Hash', r.hash);
  container.appendChild(facts);
  if (r.action !== 'answer') return;
  if (r.pruned) {
    container.appendChild(el('p', 'The content of this record was pruned by retention; who asked, when, and the digest remain.', { class: 'meta' }));
    return;
  }
  if (r.redacted) {
    const box = el('div', undefined, { class: 'redacted', id: 'redacted-note' });
    box.appendChild(el('p', 'Redacted: this answer drew on documents outside your groups.'));
    const list = el('ul');
    r.withheldDocuments.forEach(d => list.appendChild(el('li', d.path + ' (' + d.reason + ')')));
    box.appendChild(list);
    if (page.revealEnabled) {
      const form = el('form', undefined, { class: 'inline-form', id: 'reveal-form' });
      form.append(el('label', 'Reason to reveal (recorded)', { for: 'reveal-reason' }),
        el('input', undefined, { id: 'reveal-reason', type: 'text', required: '' }),
        el('button', 'Reveal', { type: 'submit' }));
      form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
          const full = await api('/api/audit/' + r.id + '/reveal', {
            method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ reason: document.getElementById('reveal-reason').value })
          });
          renderRecord({ record: full, integrity, revealEnabled: page.revealEnabled }, container);
        } catch (e) { showError(e); }
      });
      box.appendChild(form);
    } else {
      box.appendChild(el('p', 'Revealing is switched off in this installation.', { class: 'meta' }));
    }
    container.appendChild(box);
  }
  if (r.revealed) container.appendChild(el('p', 'Revealed for you; the reveal is recorded in the trail.', { class: 'notice', id: 'revealed-note' }));
  container.appendChild(el('h3', 'Question'));
  container.appendChild(el('p', r.redacted ? '(redacted)' : r.question, { id: 'record-question' }));
  container.appendChild(el('h3', 'Answer'));
  container.appendChild(el('div', r.redacted ? '(redacted)' : r.answer, { class: 'answer' + (r.refused ? ' refused' : ''), id: 'record-answer' }));
  const citations = el('ol', undefined, { class: 'citations' });
  (r.citations || []).forEach(c => {
    const li = el('li');
    li.appendChild(el('a', c.title + ' (' + c.path + ')', { href: c.url || ('/view.html?doc=' + encodeURIComponent(c.documentId)) }));
    if (c.quote) li.appendChild(el('blockquote', c.quote));
    citations.appendChild(li);
  });
  if (r.citations && r.citations.length) { container.appendChild(el('h3', 'Citations')); container.appendChild(citations); }
  if (r.verification) {
    container.appendChild(el('h3', 'Verification (' + r.verification.mode + ', threshold ' + r.verification.minSupport + ')'));
    const list = el('ul', undefined, { class: 'verification' });
    r.verification.sentences.forEach(s => {
      const li = el('li', undefined, { class: s.status });
      li.append(el('span', s.status + ' ' + Number(s.support).toFixed(2), { class: 'score' }), el('span', s.text === null ? '(redacted)' : s.text, { class: 'text' }));
      list.appendChild(li);
    });
    container.appendChild(list);
  }
  container.appendChild(el('h3', 'Retrieved passages'));
  const wrapTable = el('div', undefined, { class: 'table-wrap' });
  const table = el('table', undefined, { class: 'data cards', id: 'retrieved' });
  const head = el('thead');
  head.appendChild(row(['Rank', 'Document', 'Score', 'BM25 rank', 'Vector rank']));
  const tbody = el('tbody');
  (r.retrieved || []).forEach((c, i) => tbody.appendChild(row([String(i + 1),
    el('a', c.path, { href: '/view.html?doc=' + encodeURIComponent(c.documentId) }),
    Number(c.score).toFixed(4), c.textRank > 0 ? String(c.textRank) : '-', c.vectorRank > 0 ? String(c.vectorRank) : '-'])));
  table.append(head, tbody);
  labelCells(table);
  wrapTable.appendChild(table);
  container.appendChild(wrapTable);
}

async function showRecord(id) {
  const page = await api('/api/audit/' + encodeURIComponent(id) + '/page');
  document.getElementById('record-title').textContent = 'Record ' + id;
  renderRecord(page, document.getElementById('record'));
  document.getElementById('record-panel').hidden = false;
  document.getElementById('list-view').hidden = true;
}

function route() {
  const match = location.hash.match(/^#record-(\d+)$/);
  if (match) {
    showRecord(match[1]).catch(showError);
  } else {
    document.getElementById('record-panel').hidden = true;
    document.getElementById('list-view').hidden = false;
  }
}

document.getElementById('filters').addEventListener('submit', event => {
  event.preventDefault();
  document.getElementById('error').hidden = true;
  lastFilters = filtersFromForm();
  search(0).catch(showError);
});
document.getElementById('filters').addEventListener('reset', () => {
  lastFilters = new URLSearchParams();
  setTimeout(() => search(0).catch(showError));
});
document.getElementById('prev').addEventListener('click', () => search(Math.max(0, offset - PAGE)).catch(showError));
document.getElementById('next').addEventListener('click', () => search(offset + PAGE).catch(showError));
document.getElementById('back-to-list').addEventListener('click', event => {
  event.preventDefault();
  history.pushState(null, '', location.pathname);
  route();
  search(offset).catch(showError);
});

document.getElementById('review-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    const doc = document.getElementById('review-document').value.trim();
    const entries = await api('/api/audit/access-review?document=' + encodeURIComponent(doc));
    const table = document.getElementById('review');
    const summary = document.getElementById('review-summary');
    table.querySelector('tbody').replaceChildren(...entries.map(e => row([
      el('a', String(e.recordId), { href: '#record-' + e.recordId }), when(e.createdAt), e.user,
      e.groups.join(', ') || '(none)', e.cited ? 'cited' : 'retrieved only'])));
    labelCells(table);
    table.hidden = entries.length === 0;
    if (entries.length === 0) {
      summary.textContent = 'No answer retrieved or cited ' + doc + '.';
    } else {
      const users = new Set(entries.map(e => e.user));
      const cited = entries.filter(e => e.cited).length;
      summary.textContent = entries.length + (entries.length === 1 ? ' answer' : ' answers')
        + ' drew on ' + doc + ', for ' + users.size + (users.size === 1 ? ' user' : ' users')
        + '; ' + cited + ' cited it.';
    }
  } catch (e) { showError(e); }
});

function exportQuery() {
  const params = new URLSearchParams();
  const from = iso(document.getElementById('export-from').value);
  const to = iso(document.getElementById('export-to').value);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}

async function download(accept, extension) {
  const status = document.getElementById('export-status');
  status.textContent = 'Preparing the export...';
  const response = await fetch('/api/audit/export?' + exportQuery(), { headers: { Accept: accept } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error((body && body.message) || 'HTTP ' + response.status);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || 'groundwork-audit.' + extension;
  const link = el('a', undefined, { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  status.textContent = 'Downloaded ' + name + ' (' + blob.size + ' bytes). The export is recorded in the trail.';
}

document.getElementById('export-form').addEventListener('submit', event => {
  event.preventDefault();
  download('application/zip', 'zip').catch(showError);
});
document.getElementById('export-csv').addEventListener('click', () => download('text/csv', 'csv').catch(showError));

window.addEventListener('hashchange', route);
window.addEventListener('popstate', route);
showStatus();
route();
search(0).catch(showError);
