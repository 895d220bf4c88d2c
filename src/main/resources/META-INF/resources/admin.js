// The Admin workspace: sources and ingestion runs, uploads, failed files. Every action goes
// through the API, which checks the admin role itself.
import { api, el, labelCells, showError } from '/workspace.js';

const sourceSelect = document.getElementById('source');
const runStatus = document.getElementById('run-status');
const uploadStatus = document.getElementById('upload-status');
const runsBody = document.querySelector('#runs tbody');

function when(time) {
  return time ? new Date(time).toLocaleString() : '';
}

async function loadSources() {
  const sources = await api('/api/ingest/sources');
  sourceSelect.replaceChildren(...sources.map(s => el('option', s, { value: s })));
}

async function showRun(id) {
  const run = await api('/api/ingest/runs/' + encodeURIComponent(id));
  document.getElementById('run-detail-title').textContent =
    'Run of ' + run.source + ' started ' + when(run.startedAt);
  document.getElementById('run-detail-message').textContent = run.message || '';
  const body = document.querySelector('#failures tbody');
  body.replaceChildren(...(run.failures.length
    ? run.failures.map(f => { const tr = el('tr'); tr.append(el('td', f.path), el('td', f.reason)); return tr; })
    : [(() => { const tr = el('tr'); tr.append(el('td', 'No failed files.', { colspan: '2' })); return tr; })()]));
  document.getElementById('run-detail').hidden = false;
}

async function loadRuns() {
  const runs = await api('/api/ingest/runs');
  runsBody.replaceChildren(...runs.map(r => {
    const tr = el('tr');
    const started = el('a', when(r.startedAt), { href: '#run-' + r.id });
    started.addEventListener('click', event => { event.preventDefault(); showRun(r.id).catch(showError); });
    const first = el('td');
    first.appendChild(started);
    tr.append(first, el('td', r.source), el('td', r.startedBy), el('td', r.status, { class: 'status-' + r.status }),
      el('td', r.filesDone + ' of ' + r.filesTotal), el('td', String(r.ingested)),
      el('td', String(r.unchanged)), el('td', String(r.failed)), el('td', String(r.removed)));
    return tr;
  }));
  labelCells(document.getElementById('runs'));
  return runs;
}

async function refreshWhileRunning() {
  const runs = await loadRuns();
  if (runs.some(r => r.status === 'RUNNING')) setTimeout(() => refreshWhileRunning().catch(showError), 2000);
}

document.getElementById('run-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    const started = await api('/api/ingest/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: sourceSelect.value })
    });
    runStatus.textContent = 'Run ' + started.runId + ' of ' + started.source + ' started.';
    await refreshWhileRunning();
  } catch (e) {
    showError(e);
  }
});

document.getElementById('upload-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  uploadStatus.textContent = 'Uploading...';
  try {
    const report = await api('/api/ingest/uploads', { method: 'POST', body: form });
    uploadStatus.textContent = report.failed.length
      ? 'Not indexed: ' + report.failed.map(f => f.path + ': ' + f.reason).join('; ')
      : 'Indexed ' + report.ingested + ' file(s), ' + report.chunks + ' passages.';
    await loadRuns();
  } catch (e) {
    uploadStatus.textContent = '';
    showError(e);
  }
});

loadSources().then(refreshWhileRunning).catch(showError);
