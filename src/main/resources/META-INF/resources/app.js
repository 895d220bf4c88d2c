'use strict';
// The question page: posts to /api/ask and shows the answer with clickable citations.
const form = document.getElementById('ask-form');
const input = document.getElementById('question');
const button = form.querySelector('button');
const result = document.getElementById('result');
const answerBox = document.getElementById('answer');
const citationList = document.getElementById('citations');
const meta = document.getElementById('meta');
const errorBox = document.getElementById('error');

fetch('/api/me').then(r => r.ok ? r.json() : null).then(me => {
  if (me) document.getElementById('me').textContent = me.name + ' (' + me.groups.join(', ') + ')';
});

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function showAnswer(body) {
  answerBox.replaceChildren();
  answerBox.classList.toggle('refused', body.refused);
  // Turn each [n] marker into a link to the cited passage; everything else stays text.
  const byNumber = new Map(body.citations.map(c => [c.number, c]));
  body.answer.split(/(\[\d+\])/).forEach(part => {
    const m = part.match(/^\[(\d+)\]$/);
    if (m && byNumber.has(Number(m[1]))) {
      answerBox.appendChild(el('a', part, { href: byNumber.get(Number(m[1])).url, class: 'cite' }));
    } else {
      answerBox.appendChild(document.createTextNode(part));
    }
  });
  citationList.replaceChildren();
  body.citations.forEach(c => {
    const item = el('li');
    const link = el('a', c.title, { href: c.url });
    item.appendChild(link);
    item.appendChild(document.createTextNode(' - ' + c.path + (c.page ? ', page ' + c.page : '')));
    item.appendChild(el('blockquote', c.quote));
    citationList.appendChild(item);
  });
  meta.textContent = 'Answered by ' + body.answerer + ' in ' + Math.round(body.latenciesMs.total)
    + ' ms - audit record ' + body.auditId;
  result.hidden = false;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  errorBox.hidden = true;
  button.disabled = true;
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: input.value })
    });
    const body = await response.json().catch(() => ({ message: response.statusText }));
    if (!response.ok) throw new Error(body.message || ('HTTP ' + response.status));
    showAnswer(body);
  } catch (e) {
    errorBox.textContent = e.message;
    errorBox.hidden = false;
  } finally {
    button.disabled = false;
  }
});
