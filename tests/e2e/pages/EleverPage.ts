// Elever: the searchable, keyboard-driven pupil list.
import type { Page } from 'playwright-core';

export class EleverPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Elever', level: 1 });
  }

  search() {
    return this.page.getByLabel('Sök elev');
  }

  grid() {
    return this.page.getByRole('grid', { name: 'Elever' });
  }

  rows() {
    // Data rows only: the header row holds column headers, not cells.
    return this.grid().getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  resultCount() {
    return this.page.getByText(/^Visar [\d\s\u00a0]+ av [\d\s\u00a0]+ elever$/);
  }

  activeRow() {
    return this.grid().getByRole('row', { selected: true });
  }
}
