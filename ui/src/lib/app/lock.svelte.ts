/**
 * The lock as the window knows it. Rust keeps the lock (every command but
 * the lock screen's is refused while locked); the window shows the lock
 * screen, with nothing of the shop behind it, whenever Rust says locked —
 * at start, after Ctrl+L or the lock button, after the idle time, and when
 * any command answers `locked`.
 */
import * as backend from '../backend';
import type { LockStatus } from '../backend/bindings/LockStatus';
import { i18n } from '../i18n/index.svelte';

export const lock = $state<{ status: LockStatus | null; justSetUp: boolean }>({
  status: null,
  /** Setup was finished in this window: the PIN and recovery key follow. */
  justSetUp: false,
});

export function setLockStatus(s: LockStatus) {
  lock.status = s;
  if (s.language) i18n.set(s.language);
}

export async function refreshLock(): Promise<void> {
  setLockStatus(await backend.lockStatus());
}

/** The lock screen is shown (locked, or only the recovery key opens it). */
export const isLocked = () => !!lock.status && (lock.status.locked || lock.status.needs_recovery);

/** The staff member working now (opened the lock with their own PIN); null for the owner. */
export const workingStaff = () => lock.status?.working ?? null;

/** The owner is working (her PIN, the recovery key, or a shop without a lock). */
export const isOwner = () => !lock.status?.working;

/** Whether the app can be locked at all (a PIN or password is set). */
export const canLock = () => !!lock.status?.secret;

export async function lockApp(): Promise<void> {
  if (!canLock()) return;
  try {
    setLockStatus(await backend.lockNow());
  } catch {
    await refreshLock();
  }
}

const REPORT_EVERY_MS = 15_000;

/**
 * Tells Rust the owner is here (at most every 15 s) on her own keys and
 * clicks, and locks the window when she has been away for the idle time.
 * Returns the function that stops watching.
 */
export function watchActivity(): () => void {
  let last = Date.now();
  let reported = 0;
  const seen = () => {
    last = Date.now();
    const idle = lock.status?.idle_seconds;
    const every = idle ? Math.min(REPORT_EVERY_MS, (idle * 1000) / 3) : REPORT_EVERY_MS;
    if (last - reported > every) {
      reported = last;
      void backend.stillHere().catch(() => refreshLock());
    }
  };
  const events = ['keydown', 'pointerdown', 'wheel'] as const;
  for (const e of events) window.addEventListener(e, seen, { capture: true, passive: true });
  const timer = window.setInterval(() => {
    const idle = lock.status?.idle_seconds;
    if (idle && Date.now() - last > idle * 1000) void lockApp();
  }, 1000);
  return () => {
    for (const e of events) window.removeEventListener(e, seen, { capture: true });
    window.clearInterval(timer);
  };
}
