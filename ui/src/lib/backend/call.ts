/**
 * Calls one Tauri command. Every rejection comes out as an `AppError` with
 * a code the UI translates; anything else that is thrown (a missing
 * command, a serialisation slip) is normalised to `{ code: 'internal' }`.
 */
import { invoke } from '@tauri-apps/api/core';
import type { AppError } from './bindings/AppError';
import { toAppError } from './app-error';

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const err: AppError = toAppError(e);
    throw err;
  }
}
