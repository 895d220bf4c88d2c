// Conversations on the Ask page: the current conversation's earlier turns above the question
// box (a question asked after them is a follow-up), the person's own conversations to reopen or
// delete, and "New conversation". app.js sends document.body.dataset.conversationId with each
// question and announces every answer with a 'groundwork:answer' event.
import { api, el, showError } from '/workspace.js';

const thread = document.getElementById('thread');
const threadTitle = document.getElementById('thread-title');
const threadTurns = document.getElementById('thread-turns');
const historyList = document.getElementById('history-list');
const question = document.getElementById('question');

function turnItem(turn) {
  const item = el('li', undefined, { class: 'turn' });
  item.appendChild(el('p', turn.question, { class: 'turn-question' }));
  const answer = el('p', undefined, { class: 'turn-answer' + (turn.refused ? ' refused' : '') });
  const byNumber = new Map((turn.citations || []).map(c => [c.number, c]));
  // Citation markers become links to the cited passage; everything else stays text.
  turn.answer.split(/(\[\d+\])/).forEach(part => {
    const m = part.match(/^\[(\d+)\]$/);
    if (m && byNumber.has(Number(m[1]))) {
      answer.appendChild(el('a', part, { href: byNumber.get(Number(m[1])).url, class: 'cite' }));
    } else {
      answer.appendChild(document.createTextNode(part));
    }
  });
  item.appendChild(answer);
  if (turn.searchQuery && turn.searchQuery !== turn.question) {
    item.appendChild(el('p', 'Searched for: ' + turn.searchQuery, { class: 'meta' }));
  }
  return item;
}

function showThread(title, turns) {
  threadTitle.textContent = title;
  threadTurns.replaceChildren(...turns.map(turnItem));
  thread.hidden = turns.length === 0;
  question.placeholder = turns.length ? 'Ask a follow-up, e.g. "And if ...?"' : question.placeholder;
}

async function open(id) {
  const view = await api('/api/conversations/' + encodeURIComponent(id));
  document.body.dataset.conversationId = view.conversation.id;
  currentId = view.conversation.id;
  previous = null;
  showThread(view.conversation.title, view.turns);
  document.getElementById('result').hidden = true;
  question.focus();
}

async function loadHistory() {
  const conversations = await api('/api/conversations?limit=20');
  historyList.replaceChildren(...conversations.map(c => {
    const item = el('li');
    const link = el('a', c.title, { href: '#conversation-' + c.id });
    link.addEventListener('click', event => { event.preventDefault(); open(c.id).catch(showError); });
    const remove = el('button', 'Delete', { type: 'button', class: 'link-button', 'aria-label': 'Delete ' + c.title });
    remove.addEventListener('click', async () => {
      try {
        await api('/api/conversations/' + encodeURIComponent(c.id), { method: 'DELETE' });
        if (document.body.dataset.conversationId === c.id) startNew();
        await loadHistory();
      } catch (e) {
        showError(e);
      }
    });
    item.append(link, el('span', ' ' + new Date(c.updatedAt).toLocaleDateString() + ' ', { class: 'meta' }), remove);
    return item;
  }));
  if (!conversations.length) historyList.replaceChildren(el('li', 'No conversations yet.', { class: 'meta' }));
}

function startNew() {
  delete document.body.dataset.conversationId;
  currentId = null;
  previous = null;
  showThread('', []);
  document.getElementById('result').hidden = true;
  question.value = '';
  question.focus();
}

document.getElementById('new-conversation').addEventListener('click', startNew);

// After each answer: the answered turn joins the thread once the next answer replaces it.
let currentId = null;
let previous = null;
document.addEventListener('groundwork:answer', event => {
  const { question: asked, answer } = event.detail;
  if (answer.conversationId !== currentId) {
    showThread(asked, []);
  } else if (previous) {
    thread.hidden = false;
    threadTurns.appendChild(turnItem(previous));
  }
  currentId = answer.conversationId;
  document.body.dataset.conversationId = answer.conversationId;
  previous = { question: asked, answer: answer.answer, refused: answer.refused,
    citations: answer.citations, searchQuery: answer.searchQuery };
  question.value = '';
  loadHistory().catch(showError);
});

loadHistory().catch(showError);
