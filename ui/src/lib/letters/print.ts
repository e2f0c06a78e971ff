// Paper for letters, envelopes and labels: the print view moves under <body>
// so that printing hides the whole app, with its own @page rule.

import { printPage } from '../backend';
import { attempt } from '../app/attempt';

/** Svelte action: moves the node under <body> and sets the page size. */
export function toBody(node: HTMLElement, page: string) {
  document.body.appendChild(node);
  const style = document.createElement('style');
  style.textContent = `@page { ${page} }`;
  document.head.appendChild(style);
  document.body.classList.add('printing-letters');
  return {
    update(next: string) {
      style.textContent = `@page { ${next} }`;
    },
    destroy() {
      node.remove();
      style.remove();
      document.body.classList.remove('printing-letters');
    },
  };
}

/** Opens the system print dialog (through Tauri: macOS ignores window.print).
 * True once the dialog was opened (the letters count as printed then: no
 * OS tells an app whether the owner pressed Print or Cancel). */
export async function printNow(): Promise<boolean> {
  return attempt(printPage);
}

/** Opens the print dialog as the view opens, except under automation (the
 * e2e tests click its button instead). */
export async function autoPrint(): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.webdriver) return false;
  return printNow();
}
