// ESLint flat config (kept as a dotfile so the top level stays as the project guide lists it;
// `npm run lint` passes it with -c).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine stays pure: no Office, React or DOM.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', '@fluentui/*', '@microsoft/office-js', '../excel/*', '../taskpane/*'] }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'window', 'document'],
    },
  },
  {
    // Only src/excel may call Excel.run.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/demo/**/*.{ts,tsx}', 'src/functions/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'Excel', property: 'run', message: 'Talk to the workbook through the WorkbookGateway (src/excel).' }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
