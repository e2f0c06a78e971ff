/**
 * What the whole app needs to know: the shop's settings, its staff, where
 * the data lives, and a data problem serious enough for a banner.
 */
import * as backend from '../backend';
import type { AppError } from '../backend/bindings/AppError';
import type { AppInfo } from '../backend/bindings/AppInfo';
import type { Settings } from '../backend/bindings/Settings';
import type { ShopStart } from '../backend/bindings/ShopStart';
import type { Staff } from '../backend/bindings/Staff';
import { isFatal, toAppError } from '../backend/app-error';
import { keepMissed } from '../dates/catch-up.svelte';
import { i18n, t } from '../i18n/index.svelte';
import { toast } from './toasts.svelte';
import { refreshLock } from './lock.svelte';

export const session = $state<{
  settings: Settings | null;
  staff: Staff[];
  info: AppInfo | null;
  /** A storage-level error shown as a banner until dismissed. */
  fatal: AppError | null;
}>({ settings: null, staff: [], info: null, fatal: null });

export function applySettings(s: Settings) {
  session.settings = s;
  i18n.set(s.language);
}

/**
 * Shows an error the right way: a banner for data problems, else a toast.
 * A panic is already told by the problem dialog (`app-problem`). Screens
 * do not call this themselves: they run their calls through `attempt`
 * (attempt.ts), which gives a form its field errors first.
 */
export function reportError(error: unknown) {
  const e = toAppError(error);
  if (e.code === 'panic') return;
  // The lock screen says it (the app locked while this was asked).
  if (e.code === 'locked') {
    void refreshLock();
    return;
  }
  if (isFatal(e)) session.fatal = e;
  else toast(t(`errors.app.${e.code}`), 'error');
}

/** What the start's one call brought (`backend.startState`). */
export function startSession(start: ShopStart): void {
  applySettings(start.settings);
  session.staff = start.staff;
  session.info = start.info;
}

export async function loadSession(): Promise<void> {
  applySettings(await backend.getSettings());
  const [staff, info] = await Promise.allSettled([backend.listStaff(), backend.appInfo()]);
  if (staff.status === 'fulfilled') session.staff = staff.value;
  else reportError(staff.reason);
  if (info.status === 'fulfilled') session.info = info.value;
}

/**
 * Called once the first screen's frame and its search box are up
 * (AppShell): catching up records today as seen, and tells the app the
 * first screen is up, so that the start's upkeep (backup, every
 * customer's tier, the file check) begins after it instead of competing
 * with it, and the log says how long the start took
 * (src-tauri/src/upkeep.rs). Nothing waits for it.
 */
export function catchUp(): void {
  void backend.catchUpDates().then(keepMissed, reportError);
}

export async function reloadStaff(): Promise<void> {
  session.staff = await backend.listStaff();
}

export const activeStaff = () => session.staff.filter((s) => s.active);
