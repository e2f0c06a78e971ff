/**
 * Short confirmations ("저장했습니다") that fade on their own. At most two
 * show at a time; a new one replaces an older one of the same kind (its
 * `key`: by default its look — success, error, info); and a screen change
 * clears them, so a toast never names a customer from an earlier screen.
 * An action that changes screen raises its toast after navigating.
 */
export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  key: string;
  text: string;
}

const LIFETIME_MS = 3200;
const MAX = 2;
let nextId = 1;

export const toasts = $state<Toast[]>([]);

export function dismissToast(id: number) {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

/** Removes every toast (the screen changed). */
export function clearToasts() {
  toasts.splice(0, toasts.length);
}

export function toast(text: string, kind: Toast['kind'] = 'success', key: string = kind) {
  const id = nextId++;
  for (let i = toasts.length - 1; i >= 0; i--) {
    if (toasts[i]?.key === key) toasts.splice(i, 1);
  }
  toasts.push({ id, kind, key, text });
  // The end-to-end tests read what was said here (they set the array):
  // a toast lives 3 s, and a loaded machine may poll slower than that.
  (globalThis as { __dangolToasts?: string[] }).__dangolToasts?.push(text);
  while (toasts.length > MAX) toasts.shift();
  setTimeout(() => dismissToast(id), kind === 'error' ? LIFETIME_MS * 2 : LIFETIME_MS);
}
