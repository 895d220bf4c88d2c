// The Drafts workspace: a ticket in, a cited draft beside it, edit and approve; the agent's
// recent drafts. Every action goes through the API, which checks the agent role itself.
import { api, el, showError } from '/workspace.js';

const form = document.getElementById('ticket-form');
const draftButton = document.getElementById('draft-button');
const progress = document.getElementById('draft-progress');
const view = document.getElementById('draft-view');
const finalText = document.getElementById('final-text');
const approveButton = document.getElementById('approve-button');
const approveStatus = document.getElementById('approve-status');
let current = null;

function when(time) {
  return time ? new Date(time).toLocaleString() : '';
}

function json(method, body) {
  return { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
}

// Text with {{placeholders}} of macros marked as to be filled in; never parsed as markup.
function withPlaceholders(text) {
  const nodes = [];
  text.split(/(\{\{[^}]*\}\})/).forEach(part => {
    if (/^\{\{[^}]*\}\}$/.test(part)) nodes.push(el('mark', part, { class: 'fill-in', title: 'fill in before sending' }));
    else if (part) nodes.push(document.createTextNode(part));
  });
  return nodes;
}

function sentenceNode(sentence, byNumber) {
  const span = el('span', undefined, { class: 'sentence ' + sentence.status });
  if (sentence.status === 'flagged') {
    const mark = el('mark', undefined, { class: 'unverified', title: 'not supported by the cited sources (support ' + sentence.support + ')' });
    mark.append(...withPlaceholders(sentence.text));
    span.appendChild(mark);
  } else {
    span.append(...withPlaceholders(sentence.text));
  }
  sentence.citations.forEach(n => {
    const c = byNumber.get(n);
    const link = el('a', '[' + n + ']', { href: c.url, class: 'cite', title: c.title + ' - ' + c.path });
    span.appendChild(link);
  });
  return span;
}

// Paragraphs as the server writes the text: greeting, opening, one per answered ask, the
// holding line, the closing lines together.
function renderDraft(draft) {
  const box = document.getElementById('draft-text');
  const byNumber = new Map(draft.citations.map(c => [c.number, c]));
  box.replaceChildren();
  let paragraph = null;
  let previous = null;
  draft.sentences.forEach(s => {
    const same = previous && ((s.kind === 'answer' && previous.kind === 'answer' && s.ask === previous.ask)
      || (s.kind === 'closing' && previous.kind === 'closing'));
    if (!same) {
      paragraph = el('p', undefined, { class: 'part-' + s.kind });
      box.appendChild(paragraph);
    } else {
      paragraph.appendChild(s.kind === 'closing' ? el('br') : document.createTextNode(' '));
    }
    paragraph.appendChild(sentenceNode(s, byNumber));
    previous = s;
  });
  const list = document.getElementById('draft-citations');
  list.replaceChildren(...draft.citations.map(c => {
    const item = el('li', undefined, { value: c.number });
    item.appendChild(el('a', c.title, { href: c.url }));
    item.appendChild(document.createTextNode(' - ' + c.path + (c.page ? ', page ' + c.page : '')));
    item.appendChild(el('blockquote', c.quote));
    return item;
  }));
}

function renderAsks(draft) {
  const list = document.getElementById('asks');
  list.replaceChildren(...draft.asks.map(a => {
    const item = el('li', undefined, { class: a.covered ? 'ask-covered' : 'ask-uncovered' });
    item.appendChild(el('span', a.covered ? 'answered' : 'not covered', { class: a.covered ? 'covered' : 'uncovered' }));
    item.appendChild(document.createTextNode(' ' + a.text));
    if (a.covered) item.appendChild(document.createTextNode(' ' + a.citations.map(n => '[' + n + ']').join('')));
    else if (a.reason) item.appendChild(el('span', ' - ' + a.reason, { class: 'meta' }));
    return item;
  }));
  if (!draft.asks.length) list.appendChild(el('li', 'No question or request found in the ticket: write the reply yourself.'));
}

function renderStatus(draft) {
  const badge = document.getElementById('draft-status');
  badge.textContent = draft.status;
  badge.className = 'badge ' + draft.status;
  const approved = draft.status === 'approved';
  const a = draft.approval;
  let status = '';
  if (a && approved) status = 'Approved by ' + (a.approvedBy === a.firstApprover ? a.approvedBy : a.firstApprover + ' and ' + a.approvedBy) + ' ' + when(a.approvedAt) + ' - audit record ' + a.auditId;
  else if (a) status = 'Approved by ' + a.firstApprover + ' ' + when(a.firstApprovedAt) + '; waits for a second approver (audit record ' + a.auditId + ')';
  approveStatus.textContent = status;
  finalText.readOnly = approved || draft.status === 'awaiting-second-approval';
  approveButton.disabled = approved;
  approveButton.textContent = draft.status === 'awaiting-second-approval' ? 'Approve as second approver' : 'Approve reply';
}

function show(draft) {
  current = draft;
  document.getElementById('ticket-subject').textContent = draft.ticket.subject || '(no subject)';
  const customer = [draft.ticket.customerName, draft.ticket.customerPlan && ('plan ' + draft.ticket.customerPlan)].filter(Boolean).join(', ');
  document.getElementById('ticket-customer').textContent = (customer ? customer + ' - ' : '') + 'drafted by ' + draft.author + ' ' + when(draft.createdAt);
  document.getElementById('ticket-text').textContent = draft.ticket.body;
  document.getElementById('draft-meta').textContent = 'Drafted by ' + draft.answerer + ' in ' + Math.round(draft.latenciesMs.total) + ' ms - audit record ' + draft.auditId;
  renderAsks(draft);
  renderDraft(draft);
  finalText.value = draft.approval ? draft.approval.finalText : draft.text;
  renderStatus(draft);
  document.getElementById('feedback-status').textContent = '';
  view.hidden = false;
  history.replaceState(null, '', '#draft-' + draft.id);
}

function row(summary, withAuthor) {
  const tr = el('tr');
  const link = el('a', when(summary.createdAt), { href: '#draft-' + summary.id });
  link.addEventListener('click', event => { event.preventDefault(); open(summary.id).catch(showError); });
  const first = el('td');
  first.appendChild(link);
  tr.append(first, el('td', summary.subject || '(no subject)'));
  if (withAuthor) tr.appendChild(el('td', summary.author));
  tr.append(el('td', summary.status, { class: 'status-' + summary.status }), el('td', String(summary.asks)),
    el('td', String(summary.uncovered)));
  return tr;
}

async function loadList() {
  const list = await api('/api/drafts');
  const body = document.querySelector('#recent tbody');
  body.replaceChildren(...(list.recent.length ? list.recent.map(s => row(s, false))
    : [(() => { const tr = el('tr'); tr.appendChild(el('td', 'No drafts yet.', { colspan: '5' })); return tr; })()]));
  document.querySelector('#awaiting tbody').replaceChildren(...list.awaitingYourApproval.map(s => row(s, true)));
  document.getElementById('awaiting-box').hidden = !list.awaitingYourApproval.length;
}

async function open(id) {
  show(await api('/api/drafts/' + encodeURIComponent(id)));
  view.scrollIntoView({ block: 'start' });
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  draftButton.disabled = true;
  progress.textContent = 'Drafting...';
  document.getElementById('error').hidden = true;
  try {
    const name = document.getElementById('customer-name').value.trim();
    const plan = document.getElementById('customer-plan').value.trim();
    const draft = await api('/api/drafts', json('POST', {
      subject: document.getElementById('subject').value,
      body: document.getElementById('ticket-body').value,
      customer: name || plan ? { name: name || null, plan: plan || null } : null,
      tone: document.getElementById('tone').value
    }));
    progress.textContent = '';
    show(draft);
    await loadList();
  } catch (error) {
    progress.textContent = '';
    showError(error);
  } finally {
    draftButton.disabled = false;
  }
});

document.getElementById('approve-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (!current) return;
  approveButton.disabled = true;
  try {
    const result = await api('/api/drafts/' + encodeURIComponent(current.id) + '/approve',
      json('POST', { finalText: finalText.value }));
    show(result.draft);
    approveStatus.textContent = (result.status === 'approved' ? 'Approved' : 'First approval recorded; a second agent must approve')
      + ' - audit record ' + result.auditId;
    await loadList();
  } catch (error) {
    approveButton.disabled = false;
    showError(error);
  }
});

document.getElementById('feedback-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (!current) return;
  try {
    const result = await api('/api/drafts/' + encodeURIComponent(current.id) + '/feedback', json('POST', {
      rating: document.getElementById('feedback-rating').value,
      comment: document.getElementById('feedback-comment').value
    }));
    document.getElementById('feedback-status').textContent = 'Thank you - feedback recorded (audit record ' + result.auditId + ')';
    document.getElementById('feedback-comment').value = '';
  } catch (error) {
    showError(error);
  }
});

loadList().catch(showError);
const match = location.hash.match(/^#draft-([\w-]+)$/);
if (match) open(match[1]).catch(showError);
