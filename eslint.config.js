import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'artifacts', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Simulated processes are generators: some must be generators without waiting (to fit `Sim<T>`),
    // and nested generator functions need the enclosing object under a name.
    files: ['src/sim/**/*.ts', 'src/conformance/**/*.ts', 'test/unit/sim/**/*.ts'],
    rules: {
      'require-yield': 'off',
      '@typescript-eslint/no-this-alias': 'off',
      // Locals are declared and initialised where upstream's Java declares them, so the two read alike.
      'no-useless-assignment': 'off',
    },
  },
  {
    // The simulation core is deterministic: virtual clock and seeded random only.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the kernel’s seeded random streams.' },
        { object: 'Date', property: 'now', message: 'Use the virtual clock.' },
        { object: 'performance', property: 'now', message: 'Use the virtual clock.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'react/*', 'd3', 'd3-*', 'zustand', 'zustand/*'] },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
