// Helpers the workspace pages share: JSON calls that turn API errors into messages, element
// building without HTML strings (text is never parsed as markup), and the page's error line.

/**
 * The CSRF header a state-changing request repeats: with a session cookie the server hands out a
 * token as a cookie (double submit); with basic auth there is none and the Origin check suffices.
 */
export function csrfHeaders() {
  const m = document.cookie.match(/(?:^|;\s*)(?:__Host-)?groundwork-csrf=([^;]+)/);
  return m ? { 'X-CSRF-Token': decodeURIComponent(m[1]) } : {};
}

/** Calls the API; resolves to the JSON body, or rejects with the API's error message. */
export async function api(path, options) {
  const request = Object.assign({ method: 'GET' }, options);
  request.headers = Object.assign({ Accept: 'application/json' }, request.headers || {},
    request.method === 'GET' || request.method === 'HEAD' ? {} : csrfHeaders());
  const response = await fetch(path, request);
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new Error((body && body.message) || ('HTTP ' + response.status + ' ' + response.statusText));
  }
  return body;
}

/** An element with text content and attributes. */
export function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

/**
 * Names each body cell of a table after its column (data-label), so that a table of class
 * "cards" reads as one card per row at phone width, each value with its column's name. A row
 * with fewer cells than the header (a "nothing found" line) is left unlabelled.
 */
export function labelCells(table) {
  const names = [...table.querySelectorAll('thead tr:first-child > *')].map(c => c.textContent.trim());
  table.querySelectorAll('tbody tr').forEach(tr => {
    const cells = [...tr.children];
    cells.forEach((td, i) => {
      if (cells.length === names.length && names[i]) td.dataset.label = names[i];
      else delete td.dataset.label;
    });
  });
}

/** Shows an error in the page's #error line. */
export function showError(error) {
  const box = document.getElementById('error');
  box.textContent = error.message || String(error);
  box.hidden = false;
}
