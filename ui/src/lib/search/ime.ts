/**
 * Korean IME safety for keyboard handling. While a syllable is being
 * composed, Enter and the arrow keys belong to the IME, not to us. Chrome
 * and WebView2 flag those keydowns with `isComposing` / keyCode 229; WebKitGTK
 * may deliver the committing Enter *after* `compositionend` with
 * `isComposing = false`, so an Enter arriving right after the end of a
 * composition is treated as part of it too.
 */
export interface ImeKey {
  key: string;
  isComposing?: boolean;
  keyCode?: number;
}

/** How long after `compositionend` an Enter still counts as the commit. */
export const COMMIT_WINDOW_MS = 50;

export class CompositionGuard {
  composing = false;
  private endedAt = Number.NEGATIVE_INFINITY;

  start(): void {
    this.composing = true;
  }

  end(now: number): void {
    this.composing = false;
    this.endedAt = now;
  }

  /** True when the key must be left to the IME. */
  ignores(e: ImeKey, now: number): boolean {
    if (e.isComposing || e.keyCode === 229 || this.composing) return true;
    return e.key === 'Enter' && now - this.endedAt < COMMIT_WINDOW_MS;
  }
}
