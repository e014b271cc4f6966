/** The presenter's keyboard commands (listed on the demo page, so a projector audience sees them too). */
export const PRESENTER_COMMANDS = ['next', 'previous', 'reveal', 'large-text', 'quiz', 'reset'] as const;
export type PresenterCommand = (typeof PRESENTER_COMMANDS)[number];

export const SHORTCUT_KEYS: Record<PresenterCommand, readonly string[]> = {
  next: ['n', 'ArrowRight'],
  previous: ['p', 'ArrowLeft'],
  reveal: ['r'],
  'large-text': ['l'],
  quiz: ['q'],
  reset: ['0'],
};

interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Whether the key was pressed while typing or inside a dialog, where keys mean something else. */
  inControl: boolean;
}

/** The command a key press means, or null (modifiers, typing and open dialogs never trigger one). */
export function commandFor(press: KeyPress): PresenterCommand | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.inControl) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return PRESENTER_COMMANDS.find((command) => SHORTCUT_KEYS[command].includes(key)) ?? null;
}
