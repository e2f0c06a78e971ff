import { describe, expect, it } from 'vitest';
import { CompositionGuard } from './ime';

describe('CompositionGuard', () => {
  it('lets keys through when nothing is being composed', () => {
    const g = new CompositionGuard();
    expect(g.ignores({ key: 'Enter' }, 1000)).toBe(false);
    expect(g.ignores({ key: 'ArrowDown' }, 1000)).toBe(false);
  });

  it('ignores keys flagged as composing or with keyCode 229', () => {
    const g = new CompositionGuard();
    expect(g.ignores({ key: 'Enter', isComposing: true }, 0)).toBe(true);
    expect(g.ignores({ key: 'Process', keyCode: 229 }, 0)).toBe(true);
  });

  it('ignores everything between compositionstart and compositionend', () => {
    const g = new CompositionGuard();
    g.start();
    expect(g.ignores({ key: 'ArrowDown' }, 10)).toBe(true);
    g.end(20);
    expect(g.ignores({ key: 'ArrowDown' }, 21)).toBe(false);
  });

  it('treats an Enter right after compositionend as the commit (WebKitGTK)', () => {
    const g = new CompositionGuard();
    g.start();
    g.end(100);
    expect(g.ignores({ key: 'Enter' }, 105)).toBe(true);
    expect(g.ignores({ key: 'Enter' }, 400)).toBe(false);
  });
});
