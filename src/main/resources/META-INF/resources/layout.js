// The layout every page shares: the header with the product name, the workspace navigation the
// signed-in person's roles allow (from GET /api/me, where the server decides), and who they are.
// Pages import `me` to wait for the person; the header is filled in as soon as it is known.
import { el } from '/workspace.js';

export const me = fetch('/api/me', { headers: { Accept: 'application/json' } })
  .then(r => (r.ok ? r.json() : null))
  .catch(() => null);

function isCurrent(path) {
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  // The source viewer belongs to the Ask workspace.
  return path === here || (path === '/' && here === '/view.html');
}

function render(person) {
  const header = document.getElementById('site-header');
  if (!header) return;
  const brand = el('a', 'Groundwork', { href: '/', class: 'brand' });
  const nav = el('nav', undefined, { class: 'workspaces', 'aria-label': 'Workspaces' });
  const who = el('span', undefined, { class: 'me', id: 'me' });
  if (person) {
    person.workspaces.forEach(w => {
      const link = el('a', w.title, { href: w.path, 'data-workspace': w.name });
      if (isCurrent(w.path)) link.setAttribute('aria-current', 'page');
      nav.appendChild(link);
    });
    const roles = person.roles.filter(r => r !== 'employee');
    const groups = person.groups.filter(g => g !== 'everyone');
    who.appendChild(el('strong', person.name));
    const detail = [roles.length ? roles.join(', ') : 'employee'];
    if (groups.length) detail.push('groups: ' + groups.join(', '));
    who.appendChild(document.createTextNode(' (' + detail.join('; ') + ')'));
    who.appendChild(document.createTextNode(' '));
    who.appendChild(el('a', 'API tokens', { href: '/tokens.html', class: 'tokens-link' }));
    if (person.signOutUrl) {
      who.appendChild(document.createTextNode(' '));
      who.appendChild(el('a', 'Sign out', { href: person.signOutUrl, class: 'sign-out' }));
    }
  }
  const title = el('h1');
  title.appendChild(brand);
  header.replaceChildren(title, nav, who);
}

me.then(render);
