// ESLint flat config (`npm run lint`), kept under tests/ so the top level stays as the brief fixes it.
// typescript-eslint with type information: the rules that need the types (floating promises,
// unnecessary conditions …) are the ones that catch real bugs here.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'tests/eval/images/generated/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Async fakes and handlers return promises on purpose, awaiting nothing: style, not a bug.
      '@typescript-eslint/require-await': 'off',
      // Props, handler tables and transports are declared with method shorthand but are plain
      // functions that never read `this`; passing them around is how they are used.
      '@typescript-eslint/unbound-method': 'off',
      // Re-rejecting what was caught, as caught: wrapping it would hide what it was.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingUnknown: true, allowThrowingAny: true },
      ],
      // Stripping control characters from untrusted text is what these expressions are for.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read JSON reports, fixtures and fakes as they come: `any` there is what is being checked.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
