/**
 * The one error path of the window. Every backend call a screen makes runs
 * through `attempt`, so a failed command is shown one way everywhere:
 *
 * - the failure becomes an `AppError` (`call` already does this for
 *   commands; anything else thrown inside `work` is normalised too);
 * - the caller's `onError` sees it first: a form puts field errors beside
 *   their fields and returns `true` (taken), or tidies up (closes a dialog)
 *   and returns nothing;
 * - whatever it does not take goes to `reportError`: a banner for data
 *   problems, the lock screen for `locked`, else a toast.
 *
 * `attempt` never throws, so what follows it runs as a `finally` would.
 */
import type { AppError } from '../backend/bindings/AppError';
import { toAppError } from '../backend/app-error';
import { t } from '../i18n/index.svelte';
import { reportError } from './session.svelte';

/** Takes a failure first; `true` when the caller showed it itself. */
export type OnError = (e: AppError) => boolean | void;

/** Runs `work`; true when it succeeded, false when it failed (and was shown). */
export async function attempt(work: () => unknown, onError?: OnError): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (e) {
    const err = toAppError(e);
    if (onError?.(err) !== true) reportError(err);
    return false;
  }
}

/** Each refused field's message, by field name, for a form to show beside it. */
export function fieldMessages(err: AppError): Record<string, string> {
  return Object.fromEntries(err.fields.map((f) => [f.field, t(`errors.field.${f.code}`, { example: '' })]));
}

/**
 * An `onError` for a form that shows every refused field beside itself:
 * `show` gets the messages; a failure without fields is reported.
 */
export function toFields(show: (messages: Record<string, string>) => void): OnError {
  return (err) => {
    if (err.code !== 'validation' || err.fields.length === 0) return false;
    show(fieldMessages(err));
    return true;
  };
}
