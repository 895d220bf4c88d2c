// Helpers the workspace pages share: JSON calls that turn API errors into messages, element
// building without HTML strings (text is never parsed as markup), and the page's error line.

/** Calls the API; resolves to the JSON body, or rejects with the API's error message. */
export async function api(path, options) {
  const response = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
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

/** Shows an error in the page's #error line. */
export function showError(error) {
  const box = document.getElementById('error');
  box.textContent = error.message || String(error);
  box.hidden = false;
}
