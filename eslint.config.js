// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layering of ARCHITECTURE.md, enforced: imports point one way.
 *   web → contract · cli → server | domain | contract · server → domain | contract · domain → nothing
 * Each entry lists the layers a folder must NOT import from.
 */
const layers = {
  domain: ['contract', 'server', 'web', 'cli'],
  // contract may reach domain/taxonomy only: constants with no dependencies (see contract/vocab.ts)
  contract: ['server', 'web', 'cli', 'domain'],
  server: ['web', 'cli'],
  web: ['domain', 'server', 'cli'],
  cli: ['web'],
};

const layerRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((other) => ({
          group:
            layer === 'contract' && other === 'domain'
              ? [
                  '**/domain/*',
                  '!**/domain/taxonomy',
                  '**/domain/*/**',
                  '!**/domain/taxonomy/codes.ts',
                ]
              : [`**/${other}/**`, `**/${other}`],
          message: `The ${layer} layer must not import from ${other} (see ARCHITECTURE.md).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.mosaic/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
);
