/** Recognising and normalising the error shape that crosses IPC. */
import type { AppError } from './bindings/AppError';
import type { ErrorCode } from './bindings/ErrorCode';

const CODES: readonly ErrorCode[] = [
  'not_found',
  'validation',
  'storage',
  'schema_too_new',
  'corrupt',
  'internal',
  'panic',
  'file_refused',
  'locked',
  'wrong_key',
  'owner_only',
];

export function isAppError(e: unknown): e is AppError {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.code === 'string' &&
    (CODES as readonly string[]).includes(o.code) &&
    typeof o.message === 'string' &&
    Array.isArray(o.fields)
  );
}

/** Anything thrown becomes an AppError; unknown shapes become `internal`. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  let message: string;
  if (e instanceof Error) message = e.message;
  else if (typeof e === 'string') message = e;
  else {
    try {
      message = JSON.stringify(e);
    } catch {
      message = String(e);
    }
  }
  return { code: 'internal', message, fields: [], file: null };
}

/** Errors that mean the data itself cannot be used: shown as a banner. */
export function isFatal(e: AppError): boolean {
  return e.code === 'storage' || e.code === 'schema_too_new' || e.code === 'corrupt';
}
