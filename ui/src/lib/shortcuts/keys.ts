/**
 * The app's keyboard shortcuts as pure functions of a key event. Letter
 * shortcuts match on `code` as well as `key`, because with the Korean IME
 * on, Ctrl+K may arrive as key "ㅏ".
 */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type GlobalAction = 'focus-search' | 'new-customer' | 'lock';

/** Ctrl on Windows/Linux, Cmd on macOS. */
const primary = (e: KeyLike) => e.ctrlKey || e.metaKey;

function isLetter(e: KeyLike, letter: string): boolean {
  return e.key.toLowerCase() === letter || e.code === `Key${letter.toUpperCase()}`;
}

/**
 * What a keydown anywhere in the app asks for. `typing` is true when focus
 * is in a text field, where a bare "/" is just a character.
 */
export function globalShortcut(e: KeyLike, typing: boolean): GlobalAction | null {
  if (e.key === 'F3' && !e.altKey && !primary(e)) return 'focus-search';
  if (primary(e) && !e.altKey && !e.shiftKey && isLetter(e, 'k')) return 'focus-search';
  if (e.key === '/' && !typing && !primary(e) && !e.altKey) return 'focus-search';
  if (primary(e) && !e.altKey && !e.shiftKey && isLetter(e, 'n')) return 'new-customer';
  if (primary(e) && !e.altKey && !e.shiftKey && isLetter(e, 'l')) return 'lock';
  if (e.altKey && !primary(e) && !e.shiftKey && isLetter(e, 'n')) return 'new-customer';
  return null;
}

/** Ctrl+S or Ctrl+Enter (Cmd on macOS) saves a form. */
export function isSaveShortcut(e: KeyLike): boolean {
  if (!primary(e) || e.altKey) return false;
  return isLetter(e, 's') || e.key === 'Enter';
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True when keys typed at `el` are text going into a field. */
export function isTypingTarget(el: TargetLike | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  return false;
}
