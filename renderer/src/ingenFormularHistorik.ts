// Keeps what is typed out of the browser's own files. Chromium saves the state of text fields for history and session
// restore (the profile's Sessions files) and remembers submitted values for autofill ("Web Data") — unless a field
// says autocomplete="off". Varvet's fields hold pupil data, so every input and textarea gets it as it is added,
// unless a field states its own purpose (e.g. a passphrase's "current-password"). Proven by
// tests/e2e/lokal-kanariefagel.test.ts, which scans a real Chromium profile for text typed into the app.
const FIELDS = 'input:not([autocomplete]), textarea:not([autocomplete]), form:not([autocomplete])';

function mark(root: ParentNode): void {
  if (root instanceof Element && root.matches(FIELDS)) root.setAttribute('autocomplete', 'off');
  for (const el of root.querySelectorAll(FIELDS)) el.setAttribute('autocomplete', 'off');
}

export function ingenFormularHistorik(root: HTMLElement): void {
  mark(root);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) mark(node);
    }
  }).observe(root, { childList: true, subtree: true });
}
