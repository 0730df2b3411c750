// A data table that may be wider than the screen (320 CSS px, 200 % zoom): it scrolls sideways inside this region,
// never the page (WCAG 1.4.10). The region has a name and takes the focus, so the keyboard can scroll it too.
import type { ReactNode } from 'react';

export function TableRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
