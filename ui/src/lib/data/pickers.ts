/**
 * The system's file and folder pickers (tauri-plugin-dialog). Each returns
 * the chosen path, or null when the owner closed the picker.
 */
import { open, save } from '@tauri-apps/plugin-dialog';

export async function pickImportFile(filterName: string): Promise<string | null> {
  const path = await open({
    multiple: false,
    directory: false,
    filters: [{ name: filterName, extensions: ['xlsx', 'xls', 'xlsm', 'ods', 'csv', 'txt'] }],
  });
  return typeof path === 'string' ? path : null;
}

/**
 * Under automation (the e2e tests) no native dialog can be driven: the test
 * names the file in `window.__dangolSavePath` and that is the answer.
 */
function automatedSavePath(): string | null {
  if (typeof navigator === 'undefined' || !navigator.webdriver) return null;
  const named = (window as unknown as { __dangolSavePath?: unknown }).__dangolSavePath;
  return typeof named === 'string' ? named : null;
}

export async function pickExportPath(defaultName: string, ext: 'xlsx' | 'csv'): Promise<string | null> {
  const automated = automatedSavePath();
  if (automated !== null) return automated;
  const path = await save({
    defaultPath: `${defaultName}.${ext}`,
    filters: [{ name: ext === 'xlsx' ? 'Excel' : 'CSV', extensions: [ext] }],
  });
  return path ?? null;
}

export async function pickFolder(): Promise<string | null> {
  const path = await open({ directory: true, multiple: false });
  return typeof path === 'string' ? path : null;
}
