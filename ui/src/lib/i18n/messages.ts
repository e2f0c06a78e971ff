/** The translation tables, one JSON file per area and language. */
import koCommon from './ko/common.json';
import koCustomers from './ko/customers.json';
import koData from './ko/data.json';
import koDates from './ko/dates.json';
import koErrors from './ko/errors.json';
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
import enCommon from './en/common.json';
import enCustomers from './en/customers.json';
import enData from './en/data.json';
import enDates from './en/dates.json';
import enErrors from './en/errors.json';
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

const ko = {
  common: koCommon,
  customers: koCustomers,
  data: koData,
  dates: koDates,
  errors: koErrors,
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
  texts: koTexts,
};

/** Korean is the reference: its shape decides which keys exist. */
export type Messages = typeof ko;

const en: Messages = {
  common: enCommon,
  customers: enCustomers,
  data: enData,
  dates: enDates,
  errors: enErrors,
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
  texts: enTexts,
};

export type Lang = 'ko' | 'en';

export const tables: Record<Lang, Messages> = { ko, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key, e.g. `customers.list.title`. */
export type Key = Leaves<Messages>;

export type Params = Record<string, string | number>;

/** Looks `key` up in `table`; `undefined` when absent. */
export function lookup(table: unknown, key: string): string | undefined {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
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
  return interpolate(text, params);
}
