// Records the fingerprint of every key's Korean and English text in
// src/lib/i18n/pairs.lock.json. Run it (npm run i18n:accept) after checking
// that both languages say the same thing; pairs.test.ts fails until then,
// naming the keys whose text changed on one side only.
// The fingerprint must match src/lib/i18n/pairs.ts.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../src/lib/i18n/', import.meta.url));
const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const isPluralNode = (v) => {
  const keys = Object.keys(v);
  return keys.includes('other') && keys.every((k) => PLURAL_KEYS.has(k));
};
function leaves(tree, prefix = '') {
  const out = new Map();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k;
    if (typeof v === 'object' && v !== null && !isPluralNode(v)) {
      for (const [lk, lv] of leaves(v, key + '.')) out.set(lk, lv);
    } else out.set(key, v);
  }
  return out;
}
function fingerprint(leaf) {
  const text = JSON.stringify(leaf ?? null);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
const read = (lang, file) => JSON.parse(readFileSync(`${dir}${lang}/${file}`, 'utf8'));
const record = {};
for (const file of readdirSync(`${dir}ko`).filter((f) => f.endsWith('.json')).sort()) {
  const area = file.replace(/\.json$/, '');
  const ko = leaves(read('ko', file));
  const en = leaves(read('en', file));
  const keys = [...new Set([...ko.keys(), ...en.keys()])].sort();
  for (const key of keys) {
    record[`${area}.${key}`] = `ko:${fingerprint(ko.get(key))} en:${fingerprint(en.get(key))}`;
  }
}
writeFileSync(`${dir}pairs.lock.json`, JSON.stringify(record, null, 1) + '\n');
console.log(`recorded ${Object.keys(record).length} keys in pairs.lock.json`);
