'use strict';
// The source viewer: shows a document's parsed text with the cited span highlighted.
const params = new URLSearchParams(location.search);
const docId = params.get('doc');
const start = Number(params.get('start'));
const end = Number(params.get('end'));
const errorBox = document.getElementById('error');

fetch('/api/documents/' + encodeURIComponent(docId))
  .then(async r => {
    const body = await r.json();
    if (!r.ok) throw new Error(body.message || ('HTTP ' + r.status));
    return body;
  })
  .then(view => {
    const d = view.document;
    document.title = d.title + ' - Groundwork';
    document.getElementById('title').textContent = d.title;
    document.getElementById('source-meta').textContent =
      d.source + ':' + d.path + ' - ' + d.mediaType + ' - readable by ' + d.groups.join(', ');
    const article = document.getElementById('document');
    const text = view.text;
    const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
    if (!valid) {
      article.textContent = text;
      return;
    }
    const mark = document.createElement('mark');
    mark.id = 'cited';
    mark.textContent = text.slice(start, end);
    article.replaceChildren(document.createTextNode(text.slice(0, start)), mark,
      document.createTextNode(text.slice(end)));
    mark.scrollIntoView({ block: 'center' });
  })
  .catch(e => {
    errorBox.textContent = e.message;
    errorBox.hidden = false;
    document.getElementById('title').textContent = 'Source not available';
  });
