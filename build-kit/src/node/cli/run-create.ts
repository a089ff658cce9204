import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValidAppName } from '../../shared/app-name.js';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import { reactMain } from './templates/react-template.js';
import { vanillaMain } from './templates/vanilla-template.js';

/** The templates `mosaic-app create` knows. */
export const APP_TEMPLATES = ['react', 'vanilla'] as const;
export type AppTemplate = (typeof APP_TEMPLATES)[number];

export interface RunCreateOptions {
  /** Folder the app's folder is created in. */
  cwd: string;
  /** App name: a lowercase slug; also the folder's name. */
  name: string;
  /**
   * `react`, or `vanilla` for plain TypeScript with no framework (and no React in the build).
   * @default 'react'
   */
  template?: string;
}

/** build-kit's own folder (this file is dist/node/cli/run-create.js or src/node/cli/run-create.ts). */
const BUILD_KIT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

interface BuildKitPackage {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

function fail(message: string): never {
  throw new MosaicError(MosaicErrorCode.INVALID_APP_CONFIG, message);
}

/**
 * How the new app depends on build-kit: `workspace:*` in this repository's `micro-apps/`
 * (a pnpm workspace package), else a `link:` to this build-kit folder, as an outside team does.
 */
function buildKitDependency(appDir: string): string {
  const repo = path.dirname(path.resolve(BUILD_KIT_DIR));
  if (path.dirname(appDir) === path.join(repo, 'micro-apps')) return 'workspace:*';
  return `link:${path.relative(appDir, BUILD_KIT_DIR).split(path.sep).join('/')}`;
}

function packageJson(name: string, template: AppTemplate, appDir: string): string {
  const kit = JSON.parse(
    readFileSync(path.join(BUILD_KIT_DIR, 'package.json'), 'utf8'),
  ) as BuildKitPackage;
  const react = kit.peerDependencies.react ?? '^19.0.0';
  return `${JSON.stringify(
    {
      name: `@mosaic/${name}`,
      version: '0.1.0',
      private: true,
      type: 'module',
      scripts: {
        dev: 'mosaic-app dev',
        build: 'mosaic-app build',
        typecheck: 'tsc -p tsconfig.json --noEmit',
      },
      dependencies: {
        '@mosaic/build-kit': buildKitDependency(appDir),
        ...(template === 'react' ? { react, 'react-dom': react } : {}),
      },
      devDependencies: {
        ...(template === 'react' ? { '@types/react': react, '@types/react-dom': react } : {}),
        typescript: '^5.9.0',
        vite: kit.dependencies.vite,
      },
    },
    null,
    2,
  )}\n`;
}

/** Self-contained, so the app type-checks in any repository. */
function tsconfigJson(template: AppTemplate): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        ...(template === 'react' ? { jsx: 'react-jsx' } : {}),
        strict: true,
        noUncheckedIndexedAccess: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        // `.graphql` imports: typed by the build's generated `x.d.graphql.ts`, else the fallback.
        allowArbitraryExtensions: true,
        types: ['vite/client', '@mosaic/build-kit/graphql-modules'],
        noEmit: true,
      },
      include: ['src', 'vite.config.ts'],
    },
    null,
    2,
  )}\n`;
}

function viteConfig(name: string, template: AppTemplate): string {
  const call =
    template === 'vanilla'
      ? `defineMicroAppConfig({\n  name: '${name}',\n  // Plain TypeScript: the entry is main.ts, and the build bundles no React.\n  entry: 'src/main.ts',\n})`
      : `defineMicroAppConfig('${name}')`;
  return `import { defineMicroAppConfig } from '@mosaic/build-kit/vite';\n\n// Every option, with its default: see build-kit/README.md.\nexport default ${call};\n`;
}

/**
 * `mosaic-app create <name> --template react|vanilla`: a new app folder that builds with
 * `mosaic-app build` once its dependencies are installed. Returns the folder and its files.
 */
export function runCreate(options: RunCreateOptions): { dir: string; files: string[] } {
  assertValidAppName(options.name);
  const template = (options.template ?? 'react') as AppTemplate;
  if (!APP_TEMPLATES.includes(template)) {
    fail(
      `unknown template '${options.template}': give --template ${APP_TEMPLATES.join(' or --template ')}`,
    );
  }
  const { name } = options;
  const dir = path.resolve(options.cwd, name);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    fail(`${dir} already exists and is not empty: pick another name or folder`);
  }
  const main = template === 'react' ? 'src/main.tsx' : 'src/main.ts';
  const files: Record<string, string> = {
    'package.json': packageJson(name, template, dir),
    'tsconfig.json': tsconfigJson(template),
    'vite.config.ts': viteConfig(name, template),
    [main]: template === 'react' ? reactMain(name) : vanillaMain(name),
    'src/styles.css': `/* Scoped to this app by the preset: plain selectors cannot reach the shell. */\nh1 {\n  font-size: 1.25rem;\n}\n\nnav {\n  display: flex;\n  gap: 0.5rem;\n}\n`,
    '.gitignore': 'node_modules\ndist\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return { dir, files: Object.keys(files).sort() };
}
