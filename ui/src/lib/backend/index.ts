/**
 * The one place the UI talks to Rust: one typed wrapper per Tauri command.
 * Every rejection comes out as an `AppError` with a code the UI translates;
 * anything else that is thrown (a missing command, a serialisation slip) is
 * normalised to `{ code: 'internal' }` so callers handle a single shape.
 */
import { invoke } from '@tauri-apps/api/core';
import type { AppError } from './bindings/AppError';
import type { AppInfo } from './bindings/AppInfo';
import type { Customer } from './bindings/Customer';
import type { CustomerInput } from './bindings/CustomerInput';
import type { CustomerListQuery } from './bindings/CustomerListQuery';
import type { CustomerPage } from './bindings/CustomerPage';
import type { FieldError } from './bindings/FieldError';
import type { SearchResults } from './bindings/SearchResults';
import type { Settings } from './bindings/Settings';
import type { SetupInput } from './bindings/SetupInput';
import type { Staff } from './bindings/Staff';
import { toAppError } from './app-error';

export { isAppError, toAppError } from './app-error';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const err: AppError = toAppError(e);
    throw err;
  }
}

export const appInfo = () => call<AppInfo>('app_info');

export const getSettings = () => call<Settings>('get_settings');
export const updateSettings = (settings: Settings) =>
  call<Settings>('update_settings', { settings });
export const finishSetup = (input: SetupInput) => call<Settings>('finish_setup', { input });

export const listStaff = () => call<Staff[]>('list_staff');
export const addStaff = (name: string) => call<Staff>('add_staff', { name });
export const updateStaff = (id: number, name: string, active: boolean) =>
  call<Staff>('update_staff', { id, name, active });

export const searchCustomers = (query: string, limit: number) =>
  call<SearchResults>('search_customers', { query, limit });
export const listCustomers = (query: CustomerListQuery) =>
  call<CustomerPage>('list_customers', { query });
export const getCustomer = (id: number) => call<Customer>('get_customer', { id });
export const validateCustomer = (input: CustomerInput) =>
  call<FieldError[]>('validate_customer', { input });
export const createCustomer = (input: CustomerInput) =>
  call<Customer>('create_customer', { input });
export const updateCustomer = (id: number, input: CustomerInput) =>
  call<Customer>('update_customer', { id, input });
export const deleteCustomer = (id: number) => call<null>('delete_customer', { id });
