/**
 * Which screen is showing. No router: a view is a small tagged value, and a
 * form with unsaved changes can hold navigation until the owner confirms.
 */
import type { CustomerInput } from '../backend/bindings/CustomerInput';
import type { CustomerSort } from '../backend/bindings/CustomerSort';
import type { Occasion } from '../backend/bindings/Occasion';

/** A form to open on arrival at a customer (from a search hit). */
export type CustomerAction = 'sale';

export type View =
  | { name: 'home' }
  | { name: 'list' }
  | { name: 'customer'; id: number; action?: CustomerAction; entryId?: number }
  | { name: 'history-search' }
  | { name: 'new'; prefill?: CustomerInput }
  | { name: 'edit'; id: number }
  | { name: 'trials' }
  /** With `customers`: a letter for them (picked in a report), for `occasion`. */
  | { name: 'letters'; occasion?: Occasion; customers?: number[] }
  | { name: 'reports' }
  | { name: 'data' }
  | { name: 'settings' };

let view = $state<View>({ name: 'home' });
let pending = $state<View | null>(null);
let isDirty: (() => boolean) | null = null;
let searchEl: HTMLInputElement | null = null;

/** List preferences survive leaving and coming back to the list. */
export const listPrefs = $state<{ sort: CustomerSort; staffId: number | null }>({
  sort: 'name',
  staffId: null,
});

export const nav = {
  get view(): View {
    return view;
  },
  /** A view waiting for "leave without saving?" to be answered. */
  get pending(): View | null {
    return pending;
  },
  go(next: View) {
    if (isDirty?.()) {
      pending = next;
      return;
    }
    view = next;
  },
  /** Navigates even if a form is dirty (after saving, or when confirmed). */
  force(next: View) {
    isDirty = null;
    pending = null;
    view = next;
  },
  confirmLeave() {
    if (pending) this.force(pending);
  },
  cancelLeave() {
    pending = null;
  },
  /** A form registers how to tell it has unsaved changes; returns cleanup. */
  guard(check: () => boolean): () => void {
    isDirty = check;
    return () => {
      if (isDirty === check) isDirty = null;
    };
  },
  registerSearch(el: HTMLInputElement | null) {
    searchEl = el;
  },
  focusSearch() {
    searchEl?.focus();
    searchEl?.select();
  },
};
