// The app's polite live region: confirmations ("Insatsen är sparad.") and errors that belong to no single form.
import { useEffect, useState } from 'react';
import { useApp } from '../store';

const VISIBLE_MS = 8000;

export function StatusLine() {
  const status = useApp((s) => s.status);
  const [visible, setVisible] = useState(false);

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
