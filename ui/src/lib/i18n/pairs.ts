/**
 * The translation tables as flat pairs — every key with its Korean and
 * English text — and a short fingerprint of each side, so a committed
 * record (`pairs.lock.json`) shows when one language's text changed and
 * the other's did not. `scripts/i18n-pairs.mjs` writes that record with
 * the same fingerprint; keep the two in step.
 */

export type Tree = { [k: string]: string | Tree };

/** A leaf: a text, or a plural (`{ one, other }`) taken whole. */
export type Leaf = string | Record<string, string>;

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function isPluralNode(v: object): boolean {
  const keys = Object.keys(v);
  return keys.includes('other') && keys.every((k) => PLURAL_KEYS.has(k));
}

/** Every leaf of a table by its dotted key ("customers.list.title"). */
export function leaves(tree: Tree, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k;
    if (typeof v === 'object' && v !== null && !isPluralNode(v)) {
      for (const [lk, lv] of leaves(v, key + '.')) out.set(lk, lv);
    } else out.set(key, v as Leaf);
  }
  return out;
}

/** FNV-1a (32 bits) of the leaf as JSON, in hex: a text's fingerprint. */
export function fingerprint(leaf: Leaf | undefined): string {
  const text = JSON.stringify(leaf ?? null);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** "ko:xxxxxxxx en:yyyyyyyy" — one line of the record. */
export function pairPrint(ko: Leaf | undefined, en: Leaf | undefined): string {
  return `ko:${fingerprint(ko)} en:${fingerprint(en)}`;
}
