/**
 * The path prefix a server URL serves its API under, as a router matches it: the URL's path
 * percent-decoded (servers route on the decoded path), cut where a query or fragment begins (an
 * encoded `?` in a server URL is a query written by mistake, never a path), repeated slashes
 * collapsed, no trailing slash. '' when the URL names no path (`/`, a bare host, text that is no URL).
 */
export function servedPathOf(url: string): string {
  const pathname = urlPathname(url.trim());
  if (pathname === undefined) return '';
  const decoded = decodePercent(pathname);
  const path = decoded.split(/[?#]/, 1)[0]!.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  if (path === '' || !/[\p{L}\p{N}]/u.test(path)) return '';
  return path.startsWith('/') ? path : `/${path}`;
}

function urlPathname(url: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
