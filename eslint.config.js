import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Feature boundaries (docs/architecture.md, "Feature boundaries"): a feature imports another feature only through what
// that feature publishes: its module, its services (`<name>.service.ts` at the feature's root), `events/`, `dto/`, and
// its pure access rules and mappers (`*-access.ts`, `*-view.ts`). Entities stay private, except that an entity may
// name another feature's entity in a TypeORM relation.
const FEATURES = readdirSync('apps/api/src/modules', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const PUBLISHED = [
  '[^/]+\\.service\\.js$',
  '[^/]+\\.module\\.js$',
  'events/',
  'dto/',
  '[^/]+-access\\.js$',
  '[^/]+-view\\.js$',
];
// One block per folder depth, so `../` climbs exactly to `modules/` (documents/extraction/ may import documents/search/).
const DEPTHS = [0, 1, 2, 3];
const boundaryRule = (feature, depth, published) => [
  'error',
  {
    patterns: [
      {
        regex: `^(\\.\\./){${depth + 1}}(${FEATURES.filter((other) => other !== feature).join('|')})/(?!${published.join('|')})`,
        message: 'Import another feature only through its module, services, events, dto, *-access or *-view files.',
      },
    ],
  },
];
const boundaries = FEATURES.flatMap((feature) => [
  ...DEPTHS.map((depth) => ({
    files: [`apps/api/src/modules/${feature}/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': boundaryRule(feature, depth, PUBLISHED) },
  })),
  {
    files: [`apps/api/src/modules/${feature}/entities/*.ts`],
    rules: { 'no-restricted-imports': boundaryRule(feature, 1, [...PUBLISHED, 'entities/']) },
  },
  // The same for the entities of a sub-folder (auth/oidc/entities/).
  {
    files: [`apps/api/src/modules/${feature}/*/entities/*.ts`],
    rules: { 'no-restricted-imports': boundaryRule(feature, 2, [...PUBLISHED, 'entities/']) },
  },
]);

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Not consistent-type-imports: Nest's DI reads constructor types from decorator metadata, which type imports erase.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='forwardRef']",
          message: 'Break cycles with domain events, not forwardRef.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/**'], message: 'libs must not import from apps.' }] },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'test/**/*.ts', 'migrations/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  ...boundaries,
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
        FormData: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
