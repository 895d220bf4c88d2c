// The question page: posts to /api/ask asking for Server-Sent Events, shows the answer as it is
// generated, then the verified answer with clickable citations and per-sentence verification.
import { csrfHeaders, el } from '/workspace.js';

const form = document.getElementById('ask-form');
const input = document.getElementById('question');
const button = form.querySelector('button');
const result = document.getElementById('result');
const answerBox = document.getElementById('answer');
const citationList = document.getElementById('citations');
const meta = document.getElementById('meta');
const errorBox = document.getElementById('error');
const noticeBox = document.getElementById('notice');
const warningBox = document.getElementById('warnings');
const verificationBox = document.getElementById('verification');
const verificationSummary = document.getElementById('verification-summary');
const verificationList = document.getElementById('verification-list');

// Warnings about the sources (a credential request with a link, text aimed at an assistant).
function showWarnings(warnings) {
  warningBox.replaceChildren();
  (warnings || []).forEach(w => warningBox.appendChild(el('li', w)));
  warningBox.hidden = !warnings || warnings.length === 0;
}

function showNotice(message) {
  noticeBox.textContent = message || '';
  noticeBox.hidden = !message;
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

// The verification in plain words: "All 3 sentences checked against their sources", and what
// could not be confirmed. The per-sentence detail (with support scores) stays one click away.
function verificationSummaryText(v) {
  const checked = v.sentences.filter(s => s.status !== 'LEAD_IN').length;
  const parts = [];
  if (v.supportedSentences === checked && checked > 0) {
    parts.push(checked === 1 ? 'The sentence was checked against its source'
      : 'All ' + checked + ' sentences checked against their sources');
  } else {
    parts.push(v.supportedSentences + ' of ' + plural(checked, 'sentence', 'sentences')
      + ' confirmed by their sources');
  }
  if (v.flaggedSentences) {
    parts.push(plural(v.flaggedSentences, 'sentence', 'sentences')
      + (v.flaggedSentences === 1 ? ' could not be confirmed and is marked' : ' could not be confirmed and are marked'));
  }
  if (v.removedSentences) {
    parts.push(plural(v.removedSentences, 'sentence', 'sentences')
      + ' could not be confirmed and ' + (v.removedSentences === 1 ? 'was' : 'were') + ' left out');
  }
  if (v.invalidCitationsRemoved) {
    parts.push(plural(v.invalidCitationsRemoved, 'citation', 'citations') + ' to unknown sources removed');
  }
  return parts.join('; ') + '.';
}

const STATUS_WORDS = { SUPPORTED: 'confirmed', FLAGGED: 'not confirmed, marked', REMOVED: 'not confirmed, left out' };

function showVerification(v) {
  verificationList.replaceChildren();
  if (!v || !v.sentences || v.sentences.length === 0) {
    verificationBox.hidden = true;
    return;
  }
  verificationSummary.textContent = verificationSummaryText(v);
  verificationBox.classList.toggle('all-confirmed',
    !v.flaggedSentences && !v.removedSentences && !v.invalidCitationsRemoved);
  v.sentences.filter(s => s.status !== 'LEAD_IN').forEach(s => {
    const item = el('li', undefined, { class: s.status });
    item.appendChild(el('span', s.text, { class: 'text' }));
    const cites = s.citations.map(n => '[' + n + ']').join('')
      + s.invalidCitations.map(n => ' [' + n + ' unknown]').join('');
    item.appendChild(el('span', ' ' + cites + ' - ' + (STATUS_WORDS[s.status] || s.status.toLowerCase()),
      { class: 'status' }));
    item.appendChild(el('span', 'support ' + s.support.toFixed(2) + ' (needs ' + v.minSupport + ')',
      { class: 'score' }));
    verificationList.appendChild(item);
  });
  verificationBox.hidden = false;
}

// With a refusal, the passages that came closest, labelled as not an answer: the reader judges.
function showClosestPassages(passages) {
  let box = document.getElementById('closest-passages');
  if (!box) {
    box = el('section', undefined, { id: 'closest-passages', class: 'closest-passages' });
    citationList.after(box);
  }
  box.replaceChildren();
  box.hidden = !passages || passages.length === 0;
  if (box.hidden) return;
  box.appendChild(el('h2', 'Closest passages (not an answer)'));
  box.appendChild(el('p', 'These passages came closest but do not answer the question. Read them'
    + ' in their documents before relying on them.', { class: 'meta' }));
  const list = el('ul');
  passages.forEach(c => {
    const item = el('li');
    item.appendChild(el('a', c.title, { href: c.url }));
    item.appendChild(document.createTextNode(' - ' + c.path + (c.page ? ', page ' + c.page : '')));
    item.appendChild(el('blockquote', c.quote));
    list.appendChild(item);
  });
  box.appendChild(list);
}

// Where a citation opens its passage; the question travels along so that the passage view can
// lead back to this answer.
function passageUrl(citation, question) {
  return citation.url + (citation.url.includes('?') ? '&' : '?') + 'q=' + encodeURIComponent(question);
}

// One entry per cited document, listing its cited passages by number, in answer order.
function showCitations(citations, question) {
  citationList.replaceChildren();
  const documents = new Map();
  citations.forEach(c => {
    if (!documents.has(c.documentId)) documents.set(c.documentId, []);
    documents.get(c.documentId).push(c);
  });
  documents.forEach(cited => {
    const first = cited[0];
    const item = el('li', undefined, { class: 'source' });
    const heading = el('div', undefined, { class: 'source-heading' });
    heading.appendChild(el('a', first.title, { href: passageUrl(first, question), class: 'source-title' }));
    const pages = [...new Set(cited.map(c => c.page).filter(p => p > 0))];
    heading.appendChild(el('span', first.path + (pages.length ? (pages.length === 1 ? ', page ' : ', pages ')
      + pages.join(', ') : ''), { class: 'source-path' }));
    item.appendChild(heading);
    const passages = el('ul', undefined, { class: 'passages' });
    cited.forEach(c => {
      const passage = el('li', undefined, { class: 'passage' });
      passage.appendChild(el('a', '[' + c.number + ']', {
        href: passageUrl(c, question), class: 'passage-number',
        title: 'Open passage ' + c.number + ' in ' + c.title }));
      passage.appendChild(el('blockquote', c.quote));
      passages.appendChild(passage);
    });
    item.appendChild(passages);
    citationList.appendChild(item);
  });
}

function showAnswer(body, question) {
  answerBox.replaceChildren();
  answerBox.classList.remove('streaming');
  answerBox.classList.toggle('refused', body.refused);
  // Turn each [n] marker into a link to the cited passage; everything else stays text.
  const byNumber = new Map(body.citations.map(c => [c.number, c]));
  body.answer.split(/(\[\d+\]|\[unverified\])/).forEach(part => {
    const m = part.match(/^\[(\d+)\]$/);
    if (m && byNumber.has(Number(m[1]))) {
      answerBox.appendChild(el('a', part, { href: passageUrl(byNumber.get(Number(m[1])), question), class: 'cite' }));
    } else if (part === '[unverified]') {
      answerBox.appendChild(el('mark', part, { class: 'unverified', title: 'not supported by the cited sources' }));
    } else {
      answerBox.appendChild(document.createTextNode(part));
    }
  });
  showCitations(body.citations, question);
  showClosestPassages(body.closestPassages);
  showWarnings(body.warnings);
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
  showClosestPassages([]);
  verificationBox.hidden = true;
  showNotice(null);
  showWarnings([]);
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
  const question = input.value;
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'text/event-stream' }, csrfHeaders()),
      // A follow-up carries its conversation (conversations.js keeps it on the body element).
      body: JSON.stringify(Object.assign({ question: question },
        document.body.dataset.conversationId ? { conversationId: document.body.dataset.conversationId } : {}))
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
      else if (name === 'answer') {
        finished = true;
        showAnswer(data, question);
        remember(question, data);
        document.dispatchEvent(new CustomEvent('groundwork:answer', { detail: { question: question, answer: data } }));
      }
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

// The last answer is kept for this tab (sessionStorage) and its question put in the address, so
// that "Back to the answer" from a passage, the browser's back button or a reload shows the same
// answer again without asking (and auditing) it twice.
const ANSWER_KEY = 'groundwork.lastAnswer';

function remember(question, body) {
  try {
    sessionStorage.setItem(ANSWER_KEY, JSON.stringify({ question: question, body: body }));
  } catch (e) {
    // Storage full or disabled: the answer still shows, only going back re-asks.
  }
  history.replaceState(null, '', '/?q=' + encodeURIComponent(question));
}

function restore() {
  const question = new URLSearchParams(location.search).get('q');
  if (!question) return;
  input.value = question;
  let stored = null;
  try {
    stored = JSON.parse(sessionStorage.getItem(ANSWER_KEY) || 'null');
  } catch (e) {
    stored = null;
  }
  if (stored && stored.question === question && stored.body) {
    showAnswer(stored.body, question);
  } else {
    form.requestSubmit();
  }
}

restore();
