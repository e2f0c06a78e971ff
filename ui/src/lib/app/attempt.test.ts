// The one error path, through the real wrappers and `call`: only the
// Tauri IPC underneath is replaced (Tauri's own `mockIPC`), so a command
// fails here the way it fails in the window.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as backend from '../backend';
import type { AppError } from '../backend/bindings/AppError';
import { attempt, toFields } from './attempt';
import { session } from './session.svelte';
import { clearToasts, toasts } from './toasts.svelte';
import { t } from '../i18n/index.svelte';

type Mocks = typeof import('@tauri-apps/api/mocks');
let mocks: Mocks;
let calls: string[] = [];
/** Every toast raised, as the end-to-end tests read them (one replaces another on screen). */
const said = () => (globalThis as { __dangolToasts?: string[] }).__dangolToasts ?? [];

/** Every command answers with `answer` (a rejection when it is an AppError). */
function backendAnswers(answer: (cmd: string) => unknown) {
  mocks.mockIPC((cmd) => {
    calls.push(cmd);
    return answer(cmd);
  });
}

const refused = (code: AppError['code'], fields: AppError['fields'] = []): AppError => ({
  code,
  message: `${code} from Rust`,
  fields,
  file: null,
});

beforeAll(async () => {
  // Tauri's mocks live on `window`; the tests run in Node.
  (globalThis as { window?: unknown }).window ??= globalThis;
  mocks = await import('@tauri-apps/api/mocks');
});

beforeEach(() => {
  (globalThis as { __dangolToasts?: string[] }).__dangolToasts = [];
});

afterEach(() => {
  mocks.clearMocks();
  clearToasts();
  session.fatal = null;
  calls = [];
});

describe('attempt', () => {
  it('reports a failing command once, with its code', async () => {
    backendAnswers(() => Promise.reject(refused('not_found')));
    let shown = false;
    const ok = await attempt(async () => {
      await backend.getCustomer(7);
      shown = true;
    });
    expect(ok).toBe(false);
    expect(shown).toBe(false);
    expect(calls).toEqual(['get_customer']);
    expect(toasts.map((x) => [x.kind, x.text])).toEqual([['error', t('errors.app.not_found')]]);
    expect(said()).toEqual([t('errors.app.not_found')]);
  });

  it('says nothing when the command succeeds', async () => {
    backendAnswers(() => ({ id: 7, name: '김민수' }));
    let name = '';
    const ok = await attempt(async () => {
      name = (await backend.getCustomer(7)).name;
    });
    expect(ok).toBe(true);
    expect(name).toBe('김민수');
    expect(toasts).toEqual([]);
  });

  it('gives field errors to the form and reports nothing', async () => {
    backendAnswers(() => Promise.reject(refused('validation', [{ field: 'shop_name', code: 'required' }])));
    let errors: Record<string, string> = {};
    const ok = await attempt(() => backend.getCustomer(7), toFields((m) => (errors = m)));
    expect(ok).toBe(false);
    expect(errors).toEqual({ shop_name: t('errors.field.required') });
    expect(said()).toEqual([]);
  });

  it('reports what the form does not take, after the form has seen it', async () => {
    backendAnswers(() => Promise.reject(refused('internal')));
    const seen: string[] = [];
    await attempt(
      () => backend.getCustomer(7),
      (e) => {
        seen.push(e.code);
        expect(toasts).toEqual([]); // the caller tidies up first (a screen change clears toasts)
      },
    );
    expect(seen).toEqual(['internal']);
    expect(said()).toEqual([t('errors.app.internal')]);
  });

  it('reports a validation refusal without fields instead of swallowing it', async () => {
    backendAnswers(() => Promise.reject(refused('validation')));
    let errors: Record<string, string> | null = null;
    await attempt(() => backend.getCustomer(7), toFields((m) => (errors = m)));
    expect(errors).toBeNull();
    expect(toasts.map((x) => x.text)).toEqual([t('errors.app.validation')]);
  });

  it('shows data problems as the banner, not a toast', async () => {
    backendAnswers(() => Promise.reject(refused('storage')));
    await attempt(() => backend.getCustomer(7));
    expect(session.fatal?.code).toBe('storage');
    expect(toasts).toEqual([]);
  });

  it('leaves a panic to the problem dialog', async () => {
    backendAnswers(() => Promise.reject(refused('panic')));
    await attempt(() => backend.getCustomer(7));
    expect(toasts).toEqual([]);
    expect(session.fatal).toBeNull();
  });

  it('asks for the lock screen when the app locked meanwhile', async () => {
    backendAnswers((cmd) => (cmd === 'lock_status' ? { locked: true } : Promise.reject(refused('locked'))));
    await attempt(() => backend.getCustomer(7));
    await Promise.resolve();
    expect(calls).toEqual(['get_customer', 'lock_status']);
    expect(toasts).toEqual([]);
  });

  it('turns anything else thrown inside the work into one internal error', async () => {
    const ok = await attempt(() => {
      throw new Error('a slip in the screen');
    });
    expect(ok).toBe(false);
    expect(toasts.map((x) => x.text)).toEqual([t('errors.app.internal')]);
  });
});

describe('the one error path', () => {
  const sources = import.meta.glob<string>(['/src/**/*.ts', '/src/**/*.svelte', '!/src/**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('is the only way a screen reports a failure', () => {
    const reporters = ['/src/lib/app/attempt.ts', '/src/lib/app/session.svelte.ts'];
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    const bypassing = Object.entries(sources)
      .filter(([path, text]) => !reporters.includes(path) && /\breportError\b/.test(text))
      .map(([path]) => path);
    expect(bypassing).toEqual([]);
  });
});
