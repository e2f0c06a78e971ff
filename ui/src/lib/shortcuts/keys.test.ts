import { describe, expect, it } from 'vitest';
import { globalShortcut, isSaveShortcut, isTypingTarget, type KeyLike } from './keys';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...k,
});

describe('globalShortcut', () => {
  it('focuses the search on Ctrl+K, Cmd+K, F3 and /', () => {
    expect(globalShortcut(key({ key: 'k', ctrlKey: true }), true)).toBe('focus-search');
    expect(globalShortcut(key({ key: 'k', metaKey: true }), false)).toBe('focus-search');
    expect(globalShortcut(key({ key: 'F3' }), true)).toBe('focus-search');
    expect(globalShortcut(key({ key: '/' }), false)).toBe('focus-search');
  });

  it('leaves / alone while typing in a field', () => {
    expect(globalShortcut(key({ key: '/' }), true)).toBeNull();
  });

  it('recognises Ctrl+K typed with the Korean IME on', () => {
    expect(globalShortcut(key({ key: 'ㅏ', code: 'KeyK', ctrlKey: true }), true)).toBe(
      'focus-search',
    );
  });

  it('opens a new customer on Ctrl+N and Alt+N', () => {
    expect(globalShortcut(key({ key: 'n', ctrlKey: true }), false)).toBe('new-customer');
    expect(globalShortcut(key({ key: 'ㅜ', code: 'KeyN', altKey: true }), true)).toBe(
      'new-customer',
    );
    expect(globalShortcut(key({ key: 'n' }), false)).toBeNull();
  });

  it('locks on Ctrl+L, with the Korean IME on too', () => {
    expect(globalShortcut(key({ key: 'l', ctrlKey: true }), true)).toBe('lock');
    expect(globalShortcut(key({ key: 'ㅣ', code: 'KeyL', ctrlKey: true }), true)).toBe('lock');
    expect(globalShortcut(key({ key: 'l' }), false)).toBeNull();
  });
});

describe('isSaveShortcut', () => {
  it('accepts Ctrl+S and Ctrl+Enter only', () => {
    expect(isSaveShortcut(key({ key: 's', ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key({ key: 'Enter' }))).toBe(false);
    expect(isSaveShortcut(key({ key: 's' }))).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from other elements', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});
