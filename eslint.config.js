// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layering of ARCHITECTURE.md, enforced: imports point one way.
 *   web → core | contract · cli → server | domain | core | contract
 *   server → domain | core | contract · core → contract (zod-free) · domain → nothing
 * Each entry lists the layers a folder must NOT import from.
 */
const layers = {
  domain: ['contract', 'core', 'server', 'web', 'cli'],
  // contract may reach domain/taxonomy only: constants with no dependencies (see contract/vocab.ts)
  contract: ['core', 'server', 'web', 'cli', 'domain'],
  // core: the zod-free live core shared by server, phone and fuzz (see `coreContract` below)
  core: ['domain', 'server', 'web', 'cli'],
  server: ['web', 'cli'],
  web: ['domain', 'server', 'cli'],
  cli: ['web'],
};

/**
 * The core goes into the phone's bundle: from contract it may take values only from the zod-free
 * modules (constants.ts, vocab.ts), and types from any (they are erased).
 */
const coreContract = {
  group: ['**/contract/*', '!**/contract/constants.ts', '!**/contract/vocab.ts'],
  allowTypeImports: true,
  message:
    'The core is zod-free: import values from contract/constants.ts or contract/vocab.ts only (types from anywhere).',
};

const restrict = (layer, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...patterns,
        ...layers[layer].map((other) => ({
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
      ],
    },
  ],
});

const layerRules = [
  ...Object.keys(layers).map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ...(layer === 'core' && { ignores: ['src/core/**/*.test.ts'] }),
    rules: restrict(layer, layer === 'core' ? [coreContract] : []),
  })),
  // the core's tests run in Node, not in the phone: they may check the core against the schemas
  { files: ['src/core/**/*.test.ts'], rules: restrict('core', []) },
];

/**
 * Issue 10, hole 1: a child row addressed by its own id alone (DELETE a session by id, read a
 * card's history by id) reached another coalition's data. Rows of an event are only reached
 * through `ofEvent` (src/server/db/repos/scoped.ts), which keys every statement by the event;
 * coalition records are only changed through `ofCoalition`. Migrations build the tables.
 */
const eventChildren = [
  'event_tables',
  'event_sessions',
  'participants',
  'participant_tokens',
  'cards',
  'card_history',
  'handover_notes',
  'live_state',
  'live_changes',
  'live_intents',
  'card_factor_assignments',
  'card_factor_current',
  'event_overlap',
  'plan_versions',
  'learnings',
  'learning_votes',
  'learning_themes',
].join('|');
const coalitionChildren = [
  'events',
  'organisations',
  'routes',
  'challenges',
  'memberships',
  'coalition_factors',
  'experience_patterns',
  'commitments',
  'commitment_updates',
  'commitment_links',
].join('|');
/**
 * Issue 10, hole 8: every CSV is written by src/domain/csv/write.ts, which neutralises cells a
 * spreadsheet would run as formulas; no other file may import a CSV writer.
 */
const oneDoor = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: [
    'src/server/db/repos/scoped.ts',
    'src/server/db/migrations/**',
    'src/domain/csv/write.ts',
  ],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: `CallExpression[callee.property.name=/^(selectFrom|updateTable|deleteFrom)$/][arguments.0.value=/^(${eventChildren})( as \\w+)?$/]`,
        message:
          "An event's rows are reached through their event: use ofEvent(db, table, eventId) from src/server/db/repos/scoped.ts.",
      },
      {
        selector: `CallExpression[callee.property.name=/^(updateTable|deleteFrom)$/][arguments.0.value=/^(${coalitionChildren})( as \\w+)?$/]`,
        message:
          "A coalition's records are changed through their coalition: use ofCoalition(db, table, coalitionId) from src/server/db/repos/scoped.ts.",
      },
      {
        selector: 'ImportDeclaration[source.value=/^csv-stringify/]',
        message:
          'Write CSV with toCsv from src/domain/csv/write.ts: it neutralises cells a spreadsheet would run as formulas.',
      },
    ],
  },
};

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
  oneDoor,
);
