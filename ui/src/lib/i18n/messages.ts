/** The translation tables, one JSON file per area and language. */
import koCommon from './ko/common.json';
import koCustomers from './ko/customers.json';
import koData from './ko/data.json';
import koDates from './ko/dates.json';
import koErrors from './ko/errors.json';
import koFirstDay from './ko/first_day.json';
import koForm from './ko/form.json';
import koHistory from './ko/history.json';
import koHome from './ko/home.json';
import koLetters from './ko/letters.json';
import koLoyalty from './ko/loyalty.json';
import koMail from './ko/mail.json';
import koTexts from './ko/texts.json';
import koReports from './ko/reports.json';
import koSearch from './ko/search.json';
import koSettings from './ko/settings.json';
import koSetup from './ko/setup.json';
import koTrials from './ko/trials.json';
import koUpdates from './ko/updates.json';
import koLock from './ko/lock.json';
import koRights from './ko/rights.json';
import enCommon from './en/common.json';
import enCustomers from './en/customers.json';
import enData from './en/data.json';
import enDates from './en/dates.json';
import enErrors from './en/errors.json';
import enFirstDay from './en/first_day.json';
import enForm from './en/form.json';
import enHistory from './en/history.json';
import enHome from './en/home.json';
import enLetters from './en/letters.json';
import enLoyalty from './en/loyalty.json';
import enMail from './en/mail.json';
import enTexts from './en/texts.json';
import enReports from './en/reports.json';
import enSearch from './en/search.json';
import enSettings from './en/settings.json';
import enSetup from './en/setup.json';
import enTrials from './en/trials.json';
import enUpdates from './en/updates.json';
import enLock from './en/lock.json';
import enRights from './en/rights.json';

const ko = {
  common: koCommon,
  customers: koCustomers,
  data: koData,
  dates: koDates,
  errors: koErrors,
  first_day: koFirstDay,
  form: koForm,
  history: koHistory,
  home: koHome,
  letters: koLetters,
  loyalty: koLoyalty,
  mail: koMail,
  reports: koReports,
  search: koSearch,
  settings: koSettings,
  setup: koSetup,
  trials: koTrials,
  updates: koUpdates,
  lock: koLock,
  texts: koTexts,
  rights: koRights,
};

/** Korean is the reference: its shape decides which keys exist. */
export type Messages = typeof ko;

/**
 * A text that depends on a number, by `Intl.PluralRules` category:
 * `{ "one": "{count} row", "other": "{count} rows" }`. English needs it,
 * Korean never does (its only category is `other`).
 */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** The other languages: the same keys, any text may be a `Plural`. */
type Localized<T> = { [K in keyof T]: T[K] extends string ? string | Plural : Localized<T[K]> };

const en: Localized<Messages> = {
  common: enCommon,
  customers: enCustomers,
  data: enData,
  dates: enDates,
  errors: enErrors,
  first_day: enFirstDay,
  form: enForm,
  history: enHistory,
  home: enHome,
  letters: enLetters,
  loyalty: enLoyalty,
  mail: enMail,
  reports: enReports,
  search: enSearch,
  settings: enSettings,
  setup: enSetup,
  trials: enTrials,
  updates: enUpdates,
  lock: enLock,
  texts: enTexts,
  rights: enRights,
};

export type Lang = 'ko' | 'en';

export const tables: Record<Lang, Localized<Messages>> = { ko, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key, e.g. `customers.list.title`. */
export type Key = Leaves<Messages>;

export type Params = Record<string, string | number>;

/** Whether a node of a table is a `Plural` (rather than a group of keys). */
export function isPlural(node: unknown): node is Plural {
  return typeof node === 'object' && node !== null && typeof (node as Plural).other === 'string';
}

/** Looks `key` up in `table`; `undefined` when absent. */
export function lookup(table: unknown, key: string): string | Plural | undefined {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' || isPlural(node) ? node : undefined;
}

const rules: Partial<Record<Lang, Intl.PluralRules>> = {};

/**
 * The form of `text` for the number in `params` (`count`, else `n`,
 * `days` or `goal`), as
 * `Intl.PluralRules` of the language picks it: "1 row", "2 rows".
 */
export function pick(lang: Lang, text: string | Plural, params?: Params): string {
  if (typeof text === 'string') return text;
  const n = Number(params?.count ?? params?.n ?? params?.days ?? params?.goal ?? 0);
  const pr = (rules[lang] ??= new Intl.PluralRules(lang === 'ko' ? 'ko-KR' : 'en-US'));
  return text[pr.select(n)] ?? text.other;
}

/** Replaces `{name}` placeholders; unknown ones are left as they are. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(lang: Lang, key: Key, params?: Params): string {
  const text = lookup(tables[lang], key) ?? lookup(tables.ko, key) ?? key;
  return interpolate(pick(lang, text, params), params);
}
