// Personal API tokens: make one (shown once), list them, revoke one.
import { api, el, showError } from '/workspace.js';

const body = document.querySelector('#tokens tbody');

function when(time) {
  return time ? new Date(time).toLocaleString() : '-';
}

async function load() {
  const tokens = await api('/api/tokens');
  body.replaceChildren(...tokens.map(t => {
    const row = el('tr');
    const action = el('td');
    if (t.state === 'active') {
      const revoke = el('button', 'Revoke', { type: 'button', class: 'link-button' });
      revoke.addEventListener('click', async () => {
        try {
          await api('/api/tokens/' + encodeURIComponent(t.id), { method: 'DELETE' });
          await load();
        } catch (e) {
          showError(e);
        }
      });
      action.appendChild(revoke);
    }
    row.append(el('td', t.name), el('td', when(t.createdAt)), el('td', when(t.expiresAt)),
      el('td', when(t.lastUsedAt)), el('td', t.state, { class: 'token-' + t.state }), action);
    return row;
  }));
  if (!tokens.length) {
    const row = el('tr');
    row.appendChild(el('td', 'No tokens yet.', { colspan: '6' }));
    body.replaceChildren(row);
  }
}

document.getElementById('token-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const days = String(form.get('expiresInDays') || '').trim();
  try {
    const made = await api('/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(Object.assign({ name: form.get('name') }, days ? { expiresInDays: Number(days) } : {}))
    });
    document.getElementById('new-token-value').textContent = made.token;
    document.getElementById('new-token').hidden = false;
    event.target.reset();
    await load();
  } catch (e) {
    showError(e);
  }
});

load().catch(showError);
