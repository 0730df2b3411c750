// Keys shared by the inline forms: Ctrl+Enter saves from anywhere in the form, Escape closes it.
import type { KeyboardEvent } from 'react';

export function formKeyHandler(onSave: () => void, onCancel: () => void) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSave();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
}
