/** Short confirmations ("저장했습니다") that fade on their own. */
export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

const LIFETIME_MS = 3200;
let nextId = 1;

export const toasts = $state<Toast[]>([]);

export function dismissToast(id: number) {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

export function toast(text: string, kind: Toast['kind'] = 'success') {
  const id = nextId++;
  toasts.push({ id, kind, text });
  if (toasts.length > 4) toasts.shift();
  setTimeout(() => dismissToast(id), kind === 'error' ? LIFETIME_MS * 2 : LIFETIME_MS);
}
