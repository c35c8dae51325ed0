/**
 * Narrows the page's network to the LRS the launch names. The package's own policy (build-scripts/
 * csp.ts) allows any http(s) origin for xAPI and cmi5, because the LRS is known only at launch; a
 * second policy added now is enforced together with it, so from here on the page can reach those
 * origins and no other — whatever a content bug or an injected script might try.
 */
export function allowOnly(urls: readonly string[]): void {
  const origins = [...new Set(urls.map((u) => new URL(u, location.href).origin))];
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src ${origins.length ? origins.join(' ') : "'none'"}`;
  document.head.append(meta);
}
