/**
 * The current language and `t()`. Because `t` reads a `$state`, every
 * template that calls it re-renders when the language changes.
 */
import { translate, type Key, type Lang, type Params } from './messages';

export type { Key, Lang } from './messages';

let current = $state<Lang>('ko');

export const i18n = {
  get lang(): Lang {
    return current;
  },
  set(lang: Lang) {
    current = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  },
  /** BCP 47 locale for Intl formatting. */
  get locale(): string {
    return current === 'ko' ? 'ko-KR' : 'en-US';
  },
};

export function t(key: Key, params?: Params): string {
  return translate(current, key, params);
}
