/**
 * Which part of a name to highlight for a query. Display only: the search
 * itself is done in Rust. A query character matches a name character when
 * they are equal (case-insensitive) or when the query character is the
 * Hangul initial consonant (초성) of the name's syllable, so "김ㅁ" and
 * "ㄱㅁㅅ" light up the right letters of 김민수.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/** The initial consonant of a precomposed Hangul syllable, else null. */
export function choseongOf(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (c < 0xac00 || c > 0xd7a3) return null;
  return CHOSEONG[Math.floor((c - 0xac00) / 588)] ?? null;
}

function charMatches(nameCh: string, queryCh: string): boolean {
  if (nameCh.toLowerCase() === queryCh.toLowerCase()) return true;
  return choseongOf(nameCh) === queryCh;
}

/** Start index of the first place `query` matches inside `name`, or -1. */
export function findMatch(name: string, query: string): number {
  const n = Array.from(name);
  const q = Array.from(query);
  if (q.length === 0 || q.length > n.length) return -1;
  for (let i = 0; i + q.length <= n.length; i++) {
    let ok = true;
    for (let j = 0; j < q.length; j++) {
      if (!charMatches(n[i + j]!, q[j]!)) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/** Splits `name` into plain and highlighted runs for `query`. */
export function splitHighlight(name: string, query: string): Segment[] {
  const q = query.trim();
  const chars = Array.from(name);
  const at = findMatch(name, q);
  if (at < 0) return name ? [{ text: name, hit: false }] : [];
  const len = Array.from(q).length;
  const parts: Segment[] = [
    { text: chars.slice(0, at).join(''), hit: false },
    { text: chars.slice(at, at + len).join(''), hit: true },
    { text: chars.slice(at + len).join(''), hit: false },
  ];
  return parts.filter((p) => p.text !== '');
}
