/**
 * Which screen is showing. No router: a view is a small tagged value, and a
 * form with unsaved changes can hold navigation until the owner confirms.
 */
import type { CustomerInput } from '../backend/bindings/CustomerInput';
import type { CustomerSort } from '../backend/bindings/CustomerSort';
import type { Occasion } from '../backend/bindings/Occasion';
import { clearToasts } from './toasts.svelte';

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
  /** With `customers`: a letter for them (picked in a report), for `occasion`;
   * `audience`: who the batch starts with (오늘's "first greeting"). */
  | { name: 'letters'; occasion?: Occasion; customers?: number[]; audience?: 'not_contacted' }
  | { name: 'reports' }
  | { name: 'data' }
  /** With `section`: opened at that part of the settings (from 오늘's checklist). */
  | { name: 'settings'; section?: 'mail' | 'loyalty' };

let view = $state<View>({ name: 'home' });
let pending = $state<View | null>(null);
let isDirty: (() => boolean) | null = null;
let searchEl: HTMLInputElement | null = null;

/** List preferences survive leaving and coming back to the list. */
export const listPrefs = $state<{ sort: CustomerSort; staffId: number | null }>({
  sort: 'name',
  staffId: null,
});

/** A new screen: the toasts of the last one go (they may name someone). */
function show(next: View) {
  clearToasts();
  view = next;
}

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
    show(next);
  },
  /** Navigates even if a form is dirty (after saving, or when confirmed). */
  force(next: View) {
    isDirty = null;
    pending = null;
    show(next);
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
