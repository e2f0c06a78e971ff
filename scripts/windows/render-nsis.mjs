#!/usr/bin/env node
// Renders installer/windows/installer.nsi for a local build, with the values
// and the escaping the tauri bundler uses when it renders the same template
// on a release build (tauri-bundler's nsis/mod.rs: handlebars, strings
// escaped for NSIS with $\" $$ $\` $\n $\t $\r). Only the data the template
// reads is filled in. Usage:
//   node scripts/windows/render-nsis.mjs --exe target/…/dangol.exe \
//     --out-dir DIR --out-file Dangol_0.1.0_x64-setup.exe \
//     [--resource path/WebView2Loader.dll] [--webview2-mode MODE]
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Handlebars from 'handlebars';

const root = resolve(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  options: {
    exe: { type: 'string' },
    'out-dir': { type: 'string' },
    'out-file': { type: 'string' },
    resource: { type: 'string', multiple: true, default: [] },
    'webview2-mode': { type: 'string', default: '' },
  },
});
for (const need of ['exe', 'out-dir', 'out-file']) {
  if (!args[need]) {
    console.error(`render-nsis: --${need} is required`);
    process.exit(2);
  }
}

const conf = JSON.parse(readFileSync(join(root, 'tauri.conf.json'), 'utf8'));
const nsis = conf.bundle.windows.nsis;
const outDir = resolve(args['out-dir']);
mkdirSync(outDir, { recursive: true });

// NSIS reads UTF-8 scripts as such when they start with a BOM (the bundler
// writes them so too).
const withBom = (text) => '\ufeff' + text.replace(/^\ufeff/, '');

const languageFiles = nsis.languages.map((lang) => {
  const src = join(root, nsis.customLanguageFiles[lang]);
  const dest = join(outDir, basename(src));
  writeFileSync(dest, withBom(readFileSync(src, 'utf8')));
  return dest;
});

const [major, minor, patch] = conf.version.split(/[.+-]/);
const exe = resolve(args.exe);
const resources = Object.fromEntries(
  args.resource.map((r) => [resolve(r), ['', basename(r)]]),
);
const sizeKb = [exe, ...Object.keys(resources)]
  .map((f) => Math.ceil(statSync(f).size / 1024))
  .reduce((a, b) => a + b, 0);

const data = {
  arch: 'x64',
  bundle_id: conf.identifier,
  manufacturer: conf.bundle.publisher,
  product_name: conf.productName,
  version: conf.version,
  version_with_build: `${major}.${minor}.${patch}.0`,
  installer_icon: join(root, nsis.installerIcon),
  compression: nsis.compression,
  install_mode: 'currentUser',
  languages: nsis.languages,
  language_files: languageFiles,
  main_binary_name: conf.mainBinaryName,
  main_binary_path: exe,
  out_file: args['out-file'],
  resources,
  resources_dirs: [],
  resources_ancestors: [],
  binaries: {},
  estimated_size: sizeKb,
  install_webview2_mode: args['webview2-mode'],
  webview2_installer_args: '/silent',
  uninstaller_sign_cmd: '',
};

function nsisEscape(s) {
  const map = { '"': '$\\"', $: '$$', '`': '$\\`', '\n': '$\\n', '\t': '$\\t', '\r': '$\\r' };
  return String(s).replace(/["$`\n\t\r]/g, (c) => map[c]);
}

const hb = Handlebars.create();
hb.Utils.escapeExpression = (v) => (v == null ? '' : nsisEscape(v));
const template = hb.compile(readFileSync(join(root, nsis.template), 'utf8'));
const out = join(outDir, 'installer.nsi');
writeFileSync(out, withBom(template(data)));
console.log(out);
