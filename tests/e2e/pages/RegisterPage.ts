// Register (Alt+5): tabs Personal, Grupper, Undervisning, Ämnen; each a searchable grid with inline editing and a
// "Ny …" form. Also the editing parts of Elever and the pupil page, as the user sees them.
import type { Locator, Page } from 'playwright-core';

export type Flik = 'Personal' | 'Grupper' | 'Undervisning' | 'Ämnen';

export class RegisterPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Register', level: 1 });
  }

  tab(flik: Flik) {
    return this.page.getByRole('tablist', { name: 'Register' }).getByRole('tab', { name: flik });
  }

  grid(name: Flik | 'Elever') {
    return this.page.getByRole('grid', { name });
  }

  rows(name: Flik | 'Elever') {
    return this.grid(name).getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  activeRow(name: Flik | 'Elever') {
    return this.grid(name).getByRole('row', { selected: true });
  }

  search(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The "Ny …" form, named by its heading. */
  form(title: string) {
    return this.page.getByRole('form', { name: title, exact: true });
  }

  /** The inline editor of a row, named "Ändra …". */
  editor(name: string | RegExp) {
    return this.page.getByRole('form', { name });
  }

  saved(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  alert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /\S/ }).first();
  }
}
