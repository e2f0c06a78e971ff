import { describe, expect, it } from 'vitest';
import { choseongOf, splitHighlight } from './highlight';

describe('splitHighlight', () => {
  it('highlights a plain substring', () => {
    expect(splitHighlight('김민수', '민수')).toEqual([
      { text: '김', hit: false },
      { text: '민수', hit: true },
    ]);
  });

  it('highlights Hangul initials and mixed queries', () => {
    expect(splitHighlight('김민수', 'ㄱㅁㅅ')).toEqual([{ text: '김민수', hit: true }]);
    expect(splitHighlight('김민수', '김ㅁ')).toEqual([
      { text: '김민', hit: true },
      { text: '수', hit: false },
    ]);
  });

  it('ignores case for Latin names and trims the query', () => {
    expect(splitHighlight('Jane Park', ' park ')).toEqual([
      { text: 'Jane ', hit: false },
      { text: 'Park', hit: true },
    ]);
  });

  it('returns the whole name unhighlighted when nothing matches', () => {
    expect(splitHighlight('김민수', '이')).toEqual([{ text: '김민수', hit: false }]);
    expect(splitHighlight('김민수', '')).toEqual([{ text: '김민수', hit: false }]);
  });

  it('knows initial consonants', () => {
    expect(choseongOf('김')).toBe('ㄱ');
    expect(choseongOf('힣')).toBe('ㅎ');
    expect(choseongOf('A')).toBeNull();
  });
});
