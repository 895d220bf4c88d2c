// Admin: retention of audit content and legal holds. Pruning, setting and lifting a hold are
// audit records; the API checks the admin role itself.
import { api, el, showError } from '/workspace.js';

function when(time) {
  return time ? new Date(time).toLocaleString() : '';
}

function covers(h) {
  const parts = [];
  if (h.user) parts.push('user ' + h.user);
  if (h.group) parts.push('group ' + h.group);
  if (h.document) parts.push('document ' + h.document + ' (' + h.heldRecordsListed + ' records so far)');
  if (h.from || h.to) parts.push('from ' + (h.from ? when(h.from) : 'the start') + ' to ' + (h.to ? when(h.to) : 'now on'));
  return parts.join(', ');
}

/** An ISO-8601 duration as people say it: PT24H is "24 hours", PT1H30M "1 hour 30 minutes". */
function spoken(duration) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration || '');
  if (!m) return duration;
  const parts = [[m[1], 'hour'], [m[2], 'minute'], [m[3], 'second']]
    .filter(([n]) => n && Number(n) > 0).map(([n, unit]) => n + ' ' + unit + (Number(n) === 1 ? '' : 's'));
  return parts.length ? parts.join(' ') : duration;
}

async function load() {
  const view = await api('/api/admin/retention');
  document.getElementById('retention-settings').textContent = 'Answer records keep their content for '
    + view.periodDays + ' days, then it is pruned'
    + (view.scheduled ? ' by a job every ' + spoken(view.runEvery) : ' when you run it') + '. Records under a legal hold keep it.';
  const body = document.querySelector('#holds tbody');
  body.replaceChildren(...(view.holds.length ? view.holds.map(h => {
    const tr = el('tr');
    const status = el('td');
    if (h.active) {
      const lift = el('button', 'Lift', { type: 'button', 'data-hold': String(h.id) });
      lift.addEventListener('click', () => liftHold(h.id).catch(showError));
      status.append(el('span', 'in force '), lift);
    } else {
      status.textContent = 'lifted ' + when(h.liftedAt) + ' by ' + h.liftedByUser + ': ' + (h.liftReason || '');
    }
    tr.append(el('td', String(h.id)), el('td', covers(h)), el('td', h.reason), el('td', when(h.setAt) + ' by ' + h.setBy), status);
    return tr;
  }) : [(() => { const tr = el('tr'); tr.append(el('td', 'No legal holds.', { colspan: '5' })); return tr; })()]));
}

async function liftHold(id) {
  const reason = window.prompt('Why is legal hold ' + id + ' lifted? (recorded)');
  if (!reason) return;
  await api('/api/admin/holds/' + id + '/lift', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ reason })
  });
  await load();
}

document.getElementById('hold-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = {};
  for (const [k, v] of form.entries()) {
    const value = String(v).trim();
    if (value) body[k] = (k === 'from' || k === 'to') ? new Date(value).toISOString() : value;
  }
  try {
    await api('/api/admin/holds', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    });
    event.target.reset();
    await load();
  } catch (e) { showError(e); }
});

document.getElementById('prune-now').addEventListener('click', async () => {
  try {
    const report = await api('/api/admin/retention/prune', { method: 'POST' });
    document.getElementById('prune-status').textContent = 'Pruned ' + report.pruned + ' records created before '
      + when(report.before) + '; ' + report.held + ' kept by legal holds (audit record ' + report.recordId + ').';
  } catch (e) { showError(e); }
});

load().catch(showError);
