import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearToasts, toast, toasts } from './toasts.svelte';

describe('toasts', () => {
  afterEach(() => {
    clearToasts();
    vi.useRealTimers();
  });

  it('shows at most two, the newest replacing one of the same kind', () => {
    vi.useFakeTimers();
    toast('고객을 저장했습니다');
    toast('편지를 만들었습니다');
    expect(toasts.map((t) => t.text)).toEqual(['편지를 만들었습니다']);
    toast('연결할 수 없습니다', 'error');
    toast('복사했습니다', 'info');
    expect(toasts.length).toBe(2);
    expect(toasts.map((t) => t.text)).toEqual(['연결할 수 없습니다', '복사했습니다']);
  });

  it('keeps toasts of different keys apart and lets them fade', () => {
    vi.useFakeTimers();
    toast('메일 1통을 보내고 있습니다', 'info', 'mail');
    toast('복사했습니다', 'info');
    expect(toasts.length).toBe(2);
    vi.advanceTimersByTime(4000);
    expect(toasts.length).toBe(0);
  });

  it('clears them all when the screen changes', () => {
    toast('김민수 님을 삭제했습니다');
    toast('오류', 'error');
    clearToasts();
    expect(toasts.length).toBe(0);
  });
});
