'use strict';
// The question page: posts to /api/ask asking for Server-Sent Events, shows the answer as it is
// generated, then the verified answer with clickable citations and per-sentence verification.
const form = document.getElementById('ask-form');
const input = document.getElementById('question');
const button = form.querySelector('button');
const result = document.getElementById('result');
const answerBox = document.getElementById('answer');
const citationList = document.getElementById('citations');
const meta = document.getElementById('meta');
const errorBox = document.getElementById('error');
const noticeBox = document.getElementById('notice');
const verificationBox = document.getElementById('verification');
const verificationSummary = document.getElementById('verification-summary');
const verificationList = document.getElementById('verification-list');

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function showNotice(message) {
  noticeBox.textContent = message || '';
  noticeBox.hidden = !message;
}

function showVerification(v) {
  verificationList.replaceChildren();
  if (!v || !v.sentences || v.sentences.length === 0) {
    verificationBox.hidden = true;
    return;
  }
  let summary = 'Verified: ' + v.supportedSentences + ' of '
    + v.sentences.filter(s => s.status !== 'LEAD_IN').length + ' sentences supported by their citations';
  if (v.removedSentences) summary += ', ' + v.removedSentences + ' removed';
  if (v.flaggedSentences) summary += ', ' + v.flaggedSentences + ' flagged';
  if (v.invalidCitationsRemoved) summary += ', ' + v.invalidCitationsRemoved + ' citations to unknown sources removed';
  verificationSummary.textContent = summary + ' (threshold ' + v.minSupport + ')';
  v.sentences.filter(s => s.status !== 'LEAD_IN').forEach(s => {
    const item = el('li', undefined, { class: s.status });
    item.appendChild(el('span', s.support.toFixed(2), { class: 'score', title: 'support score' }));
    item.appendChild(el('span', s.text, { class: 'text' }));
    const cites = s.citations.map(n => '[' + n + ']').join('')
      + s.invalidCitations.map(n => ' [' + n + ' unknown]').join('');
    item.appendChild(document.createTextNode(' ' + cites + ' - ' + s.status.toLowerCase()));
    verificationList.appendChild(item);
  });
  verificationBox.hidden = false;
}

function showAnswer(body) {
  answerBox.replaceChildren();
  answerBox.classList.remove('streaming');
  answerBox.classList.toggle('refused', body.refused);
  // Turn each [n] marker into a link to the cited passage; everything else stays text.
  const byNumber = new Map(body.citations.map(c => [c.number, c]));
  body.answer.split(/(\[\d+\]|\[unverified\])/).forEach(part => {
    const m = part.match(/^\[(\d+)\]$/);
    if (m && byNumber.has(Number(m[1]))) {
      answerBox.appendChild(el('a', part, { href: byNumber.get(Number(m[1])).url, class: 'cite' }));
    } else if (part === '[unverified]') {
      answerBox.appendChild(el('mark', part, { class: 'unverified', title: 'not supported by the cited sources' }));
    } else {
      answerBox.appendChild(document.createTextNode(part));
    }
  });
  citationList.replaceChildren();
  body.citations.forEach(c => {
    const item = el('li', undefined, { value: c.number });
    const link = el('a', c.title, { href: c.url });
    item.appendChild(link);
    item.appendChild(document.createTextNode(' - ' + c.path + (c.page ? ', page ' + c.page : '')));
    item.appendChild(el('blockquote', c.quote));
    citationList.appendChild(item);
  });
  // While the knowledge base is still being indexed, a refusal may only mean "not indexed yet".
  showNotice([body.indexing && body.indexing.message, body.notice].filter(Boolean).join(' '));
  showVerification(body.verification);
  result.dataset.auditId = body.auditId; // the answer that answer-feedback.js rates
  meta.textContent = 'Answered by ' + body.answerer + ' in ' + Math.round(body.latenciesMs.total)
    + ' ms - audit record ' + body.auditId;
  result.hidden = false;
}

function startStreaming() {
  answerBox.replaceChildren();
  answerBox.classList.add('streaming');
  answerBox.classList.remove('refused');
  citationList.replaceChildren();
  verificationBox.hidden = true;
  showNotice(null);
  meta.textContent = 'Answering...';
  result.hidden = false;
}

// Reads a text/event-stream response and calls onEvent(name, data) for each event.
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      block.split(/\r?\n/).forEach(line => {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
    if (done) return;
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  errorBox.hidden = true;
  button.disabled = true;
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify({ question: input.value })
    });
    if (!response.ok || !(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      const body = await response.json().catch(() => ({ message: response.statusText }));
      throw new Error(body.message || ('HTTP ' + response.status));
    }
    startStreaming();
    let finished = false;
    await readEvents(response, (name, data) => {
      if (name === 'token') answerBox.appendChild(document.createTextNode(data.text));
      else if (name === 'notice') showNotice(data.message);
      else if (name === 'answer') { finished = true; showAnswer(data); }
      else if (name === 'error') { finished = true; throw new Error(data.message); }
    });
    if (!finished) throw new Error('the answer stream ended early; try again');
  } catch (e) {
    errorBox.textContent = e.message;
    errorBox.hidden = false;
  } finally {
    button.disabled = false;
  }
});
