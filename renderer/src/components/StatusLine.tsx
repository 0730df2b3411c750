// The app's polite live region: confirmations ("Insatsen är sparad.") and errors that belong to no single form.
import { useEffect, useState } from 'react';
import { useApp } from '../store';

/** Long enough to read a sentence twice, short enough not to sit over the list the user goes on to. */
const VISIBLE_MS = 5000;

export function StatusLine() {
  const status = useApp((s) => s.status);
  const screen = useApp((s) => s.view.name);
  const [visible, setVisible] = useState(false);

  // A confirmation belongs to the screen it was given on: moving to another view takes it away (errors too — the
  // next screen has its own), so it never covers the fields of the next page. Tabs within a screen keep it.
  useEffect(() => {
    setVisible(false);
  }, [screen]);

  useEffect(() => {
    if (!status) return;
    setVisible(true);
    // Confirmations fade so the screen stays calm; errors stay until the next message.
    if (status.tone === 'error') return;
    const timer = window.setTimeout(() => setVisible(false), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const shown = visible && status !== null;
  return (
    <div className={shown ? `status-line ${status.tone}` : 'status-line hidden'} role="status" aria-live="polite">
      {shown ? status.text : ''}
    </div>
  );
}
