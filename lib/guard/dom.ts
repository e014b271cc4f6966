import type { SelectorList } from '../sites/types';

/**
 * Selector helpers over an adapter's alternatives. A selector the browser cannot parse (an
 * engine without `:has()`, a typo) counts as "no match", so a bad alternative never breaks a page.
 */

function tryMatches(element: Element, css: string): boolean {
  try {
    return element.matches(css);
  } catch {
    return false;
  }
}

function tryClosest(element: Element, css: string): Element | null {
  try {
    return element.closest(css);
  } catch {
    return null;
  }
}

function tryQueryAll(root: ParentNode, css: string): Element[] {
  try {
    // Copied by index: spreading a NodeList goes through its iterator, which a feed scan feels.
    const found = root.querySelectorAll(css);
    const elements = new Array<Element>(found.length);
    for (let i = 0; i < found.length; i++) elements[i] = found[i]!;
    return elements;
  } catch {
    return [];
  }
}

export function matchesAny(element: Element, list: SelectorList): boolean {
  return list.some((alt) => tryMatches(element, alt.css));
}

/** The nearest ancestor-or-self matching the first alternative that matches at all. */
export function closestOf(element: Element, list: SelectorList): Element | null {
  for (const alt of list) {
    const found = tryClosest(element, alt.css);
    if (found) return found;
  }
  return null;
}

/** All matches of the first alternative that matches anything under root. */
export function queryAllOf(root: ParentNode, list: SelectorList): Element[] {
  for (const alt of list) {
    const found = tryQueryAll(root, alt.css);
    if (found.length) return found;
  }
  return [];
}

/** The first alternative that matches anything under root (what queryAllOf would use), or null. */
export function firstMatchingAlternative(root: ParentNode, list: SelectorList): string | null {
  for (const alt of list) {
    try {
      if (root.querySelector(alt.css)) return alt.css;
    } catch {
      // Unparseable here: the next alternative.
    }
  }
  return null;
}

/** Every element under root matching any of the alternatives, in no particular order. */
export function queryAllAny(root: ParentNode, list: SelectorList): Element[] {
  return list.flatMap((alt) => tryQueryAll(root, alt.css));
}

export function isElement(target: unknown): target is Element {
  return typeof target === 'object' && target !== null && (target as Node).nodeType === 1;
}
