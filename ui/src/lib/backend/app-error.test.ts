import { describe, expect, it } from 'vitest';
import { isAppError, isFatal, toAppError } from './app-error';

describe('toAppError', () => {
  it('keeps a real AppError as it is', () => {
    const e = { code: 'validation', message: 'x', fields: [{ field: 'name', code: 'required' }] };
    expect(toAppError(e)).toBe(e);
    expect(isAppError(e)).toBe(true);
  });

  it('turns strings, Errors and odd objects into internal errors', () => {
    expect(toAppError('boom')).toEqual({ code: 'internal', message: 'boom', fields: [], file: null });
    expect(toAppError(new Error('bad'))).toEqual({ code: 'internal', message: 'bad', fields: [], file: null });
    expect(toAppError({ code: 'nope' }).code).toBe('internal');
    expect(toAppError(undefined).code).toBe('internal');
  });

  it('treats storage-like codes as fatal', () => {
    expect(isFatal(toAppError({ code: 'storage', message: '', fields: [], file: null }))).toBe(true);
    expect(isFatal(toAppError('x'))).toBe(false);
  });
});
