// Browser mode's access token. It arrives once in the URL fragment (#token=…), which never reaches a server log;
// sessionStorage keeps it across reloads of this tab, and the fragment is removed so it is not left on screen.
const KEY = 'varvet.token';

export function captureToken(): void {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  sessionStorage.setItem(KEY, match[1]);
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
}

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

/**
 * Browser mode keeps its port per data folder, so after a restart the printed address differs from the open tab's only
 * in the fragment, and opening it there loads nothing: take the new token when the fragment changes, so the next
 * request (Försök igen, a menu choice) is answered.
 */
export function watchToken(): void {
  window.addEventListener('hashchange', () => captureToken());
}
