// Paper for letters, envelopes and labels: the print view moves under <body>
// so that printing hides the whole app, with its own @page rule.

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

/** Opens the print dialog, except under automation (the e2e tests). */
export function autoPrint() {
  if (typeof navigator !== 'undefined' && navigator.webdriver) return;
  window.print();
}
