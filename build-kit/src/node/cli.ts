import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMosaicError } from '../shared/mosaic-error.js';
import { runBuild } from './cli/run-build.js';
import { runCreate } from './cli/run-create.js';
import { runDev } from './cli/run-dev.js';
import { describePrune, runPrune } from './cli/run-prune.js';
import { runPublish } from './cli/run-publish.js';
import { describeChannels, runRelease } from './cli/run-release.js';

const USAGE = `Usage: mosaic-app <command> [options]   (run in the app's folder)

  create <name>    a new app folder <name>/: --template react (default) or vanilla (plain TypeScript)
  dev              the app standalone on a Vite dev server, hot reload, stand-in context
  dev --shell      rebuild on change and serve the build for the shell's developer override
  build            build dist/ (UMD bundle, index.html, mosaic.json) and check it loads
  publish          upload dist/ to the registry (MOSAIC_REGISTRY_URL, MOSAIC_PUBLISH_TOKEN)
  release          set the app's channels: --canary <v> [--tenants a,b] [--percent n],
                   --stable <v> (promote or roll back; --force for a version that never
                   ran as a canary or whose canary was suspended), --end-canary,
                   --resume (serve a suspended canary again)
  prune            delete old versions no channel uses from the registry, keeping the
                   newest --keep <n> (default 5)

Options:
  --port <n>       dev server port (default 5173; 5180 with --shell)
  --registry <url> registry base URL for publish/release/prune, and the shell dev --shell links
                   to (default $MOSAIC_REGISTRY_URL or http://localhost:8080)
  --token <token>  publish token (default $MOSAIC_PUBLISH_TOKEN; prefer the variable, ps shows arguments)
  --app <name>     app to release or prune (default: the name in dist/mosaic.json)
  -h, --help       this text`;

/** Entry of the `mosaic-app` bin. Returns the process exit code. */
export async function main(argv: string[], root: string = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        shell: { type: 'boolean' },
        registry: { type: 'string' },
        token: { type: 'string' },
        app: { type: 'string' },
        stable: { type: 'string' },
        canary: { type: 'string' },
        tenants: { type: 'string' },
        percent: { type: 'string' },
        'end-canary': { type: 'boolean' },
        resume: { type: 'boolean' },
        force: { type: 'boolean' },
        keep: { type: 'string' },
        template: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`mosaic-app: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  try {
    if (command === 'create') {
      const name = positionals[1];
      if (!name) {
        console.error(
          `mosaic-app: create needs the app's name: mosaic-app create my-app --template vanilla`,
        );
        return 2;
      }
      const { dir } = runCreate({ cwd: root, name, template: values.template });
      console.log(
        `mosaic-app: created ${name} (${values.template ?? 'react'}) in ${dir}\n` +
          `  cd ${path.relative(root, dir) || '.'} && pnpm install && pnpm exec mosaic-app build`,
      );
      return 0;
    }
    if (command === 'dev') {
      await runDev({ root, port, shell: values.shell, registry: values.registry });
      return 0;
    }
    if (command === 'build') {
      const manifest = await runBuild({ root });
      console.log(
        `mosaic-app: built ${manifest.name}@${manifest.version} (protocol ${manifest.protocol}) in dist/`,
      );
      return 0;
    }
    if (command === 'publish') {
      const { name, version, warnings } = await runPublish({
        root,
        registry: values.registry,
        token: values.token,
      });
      console.log(`mosaic-app: published ${name}@${version}`);
      for (const warning of warnings) console.warn(`mosaic-app: warning: ${warning}`);
      return 0;
    }
    if (command === 'release') {
      const { app, channels } = await runRelease({
        root,
        app: values.app,
        registry: values.registry,
        token: values.token,
        stable: values.stable,
        canary: values.canary,
        tenants: values.tenants
          ?.split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        percent: values.percent === undefined ? undefined : Number(values.percent),
        endCanary: values['end-canary'],
        resume: values.resume,
        force: values.force,
      });
      console.log(`mosaic-app: released ${app}: ${describeChannels(channels)}`);
      return 0;
    }
    if (command === 'prune') {
      const result = await runPrune({
        root,
        app: values.app,
        registry: values.registry,
        token: values.token,
        keep: values.keep === undefined ? undefined : Number(values.keep),
      });
      console.log(`mosaic-app: pruned ${result.app}: ${describePrune(result)}`);
      return 0;
    }
    console.error(`mosaic-app: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    // Vite wraps errors thrown by plugins and configs; show ours without the stack.
    const coded = isMosaicError(error) ? error : isMosaicError(cause) ? cause : undefined;
    if (coded) {
      const id = coded.requestId ? ` (request id ${coded.requestId})` : '';
      console.error(`mosaic-app: ${coded.message}${id}`);
    } else {
      console.error(`mosaic-app: ${command} failed:`, error);
    }
    return 1;
  }
}
