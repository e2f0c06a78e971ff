/**
 * The days that passed while the app was closed. Rust hands them over once
 * per start (asking also records today as seen), so they are kept here for
 * the home screen until the owner dismisses them — never dropped unseen.
 */
import type { Upcoming } from '../backend/bindings/Upcoming';

export const catchUp = $state<{ missed: Upcoming[] }>({ missed: [] });

/** Keeps what a start brought; a later empty answer does not hide it. */
export function keepMissed(list: Upcoming[]): void {
  if (list.length > 0) catchUp.missed = list;
}

export function dismissMissed(): void {
  catchUp.missed = [];
}
