'use strict';
// The passage view: a document in its structure (headings, paragraphs, lists, tables, page
// breaks) with the cited span highlighted, a way back to the answer and to the original file.
const params = new URLSearchParams(location.search);
const docId = params.get('doc');
const start = Number(params.get('start'));
const end = Number(params.get('end'));
const question = params.get('q');
const errorBox = document.getElementById('error');

if (question) {
  const back = document.getElementById('back');
  back.href = '/?q=' + encodeURIComponent(question);
  back.textContent = 'Back to the answer';
  back.title = question;
}

const FORMATS = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/msword': 'Word document',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/rtf': 'RTF document',
  'text/html': 'web page',
  'application/xhtml+xml': 'web page',
  'text/markdown': 'Markdown',
  'text/x-web-markdown': 'Markdown',
  'text/plain': 'text file'
};

function formatName(mediaType) {
  return FORMATS[mediaType] || mediaType;
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' bytes';
  if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB';
  return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
}

// Renders text[from, to) into node, highlighting the part inside the cited span.
function fill(node, text, from, to, highlight) {
  const markFrom = Math.max(from, highlight ? start : to);
  const markTo = Math.min(to, highlight ? end : to);
  if (!highlight || markFrom >= markTo) {
    node.appendChild(document.createTextNode(text.slice(from, to)));
    return;
  }
  if (from < markFrom) node.appendChild(document.createTextNode(text.slice(from, markFrom)));
  const mark = document.createElement('mark');
  if (!document.getElementById('cited')) mark.id = 'cited';
  mark.textContent = text.slice(markFrom, markTo);
  node.appendChild(mark);
  if (markTo < to) node.appendChild(document.createTextNode(text.slice(markTo, to)));
}

// Builds the document from its blocks; list items nest by depth, table rows gather in tables.
function renderBlocks(article, text, blocks, highlight) {
  let lists = [];   // open lists, outermost first: { depth, numbered, node }
  let table = null;
  const closeLists = () => { lists = []; };
  blocks.forEach(block => {
    const isItem = block.kind === 'ITEM' || block.kind === 'NUMBERED_ITEM';
    const isRow = block.kind === 'ROW' || block.kind === 'HEADER_ROW';
    if (!isItem) closeLists();
    if (!isRow) table = null;
    if (block.kind === 'PAGE') {
      if (block.level > 1) {
        article.appendChild(Object.assign(document.createElement('div'),
          { className: 'page-break', textContent: 'Page ' + block.level }));
      }
    } else if (block.kind === 'HEADING') {
      const heading = document.createElement('h' + Math.min(6, block.level + 2));
      heading.className = 'doc-heading level-' + block.level;
      fill(heading, text, block.start, block.end, highlight);
      article.appendChild(heading);
    } else if (isItem) {
      const numbered = block.kind === 'NUMBERED_ITEM';
      while (lists.length && (lists[lists.length - 1].depth > block.level
          || (lists[lists.length - 1].depth === block.level && lists[lists.length - 1].numbered !== numbered))) {
        lists.pop();
      }
      if (!lists.length || lists[lists.length - 1].depth < block.level) {
        const list = document.createElement(numbered ? 'ol' : 'ul');
        const parent = lists.length ? (lists[lists.length - 1].node.lastElementChild || lists[lists.length - 1].node) : article;
        parent.appendChild(list);
        lists.push({ depth: block.level, numbered: numbered, node: list });
      }
      const item = document.createElement('li');
      // Items that carry their own number in the text ("1. Open the portal") show it once.
      if (numbered && /^\d+[.)]\s/.test(text.slice(block.start, block.end))) item.className = 'own-number';
      fill(item, text, block.start, block.end, highlight);
      lists[lists.length - 1].node.appendChild(item);
    } else if (isRow) {
      if (!table) {
        table = document.createElement('table');
        const wrapper = document.createElement('div');
        wrapper.className = 'table-wrapper';
        wrapper.appendChild(table);
        article.appendChild(wrapper);
      }
      const row = document.createElement('tr');
      (block.cells.length ? block.cells : [{ start: block.start, end: block.end }]).forEach(cell => {
        const td = document.createElement(block.kind === 'HEADER_ROW' ? 'th' : 'td');
        fill(td, text, cell.start, cell.end, highlight);
        row.appendChild(td);
      });
      table.appendChild(row);
    } else {
      const paragraph = document.createElement('p');
      fill(paragraph, text, block.start, block.end, highlight);
      article.appendChild(paragraph);
    }
  });
}

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
    document.getElementById('source-meta').textContent = d.path + ' - ' + formatName(d.mediaType)
      + ' - ' + d.source + ' - readable by ' + d.groups.join(', ');
    if (view.originalUrl) {
      const original = document.getElementById('original');
      original.href = view.originalUrl;
      original.textContent = 'Download the original ' + formatName(d.mediaType) + ' (' + size(d.sizeBytes) + ')';
      original.hidden = false;
    }
    const article = document.getElementById('document');
    const text = view.text;
    const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
    article.replaceChildren();
    if (view.blocks && view.blocks.length) {
      article.classList.add('structured');
      renderBlocks(article, text, view.blocks, valid);
    } else {
      fill(article, text, 0, text.length, valid);
    }
    const cited = document.getElementById('cited');
    if (cited) cited.scrollIntoView({ block: 'center' });
  })
  .catch(e => {
    errorBox.textContent = e.message;
    errorBox.hidden = false;
    document.getElementById('title').textContent = 'Source not available';
  });
