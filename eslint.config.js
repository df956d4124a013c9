// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Security rules first: page text and claim data must never reach an HTML parser or `eval`.
 * Preact renders text nodes; anything else needs a reviewed exception here, not in the code.
 */
const noHtmlInjection = [
  'error',
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never assign HTML: build nodes or let Preact render text.' },
  { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]", message: 'Never parse HTML from strings.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'Never document.write.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render raw HTML.' },
  { selector: "JSXAttribute[name.name=/^on[a-z]+$/][value.type='Literal']", message: 'No inline event handler strings.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-syntax': noHtmlInjection,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests build fixture DOMs from literal markup and feed hostile URLs to prove they are refused.
    files: ['tests/**'],
    rules: { 'no-restricted-syntax': 'off', 'no-script-url': 'off' },
  },
  {
    // The CLI parses untrusted HTML into a scripting-disabled happy-dom window: that is its job.
    files: ['scripts/cli/load-input.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
