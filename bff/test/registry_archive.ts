// Test helpers: tar.gz archives written block by block, so tests can make hostile ones too, and
// the registry calls the suites make with them.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { manifestSealTag, manifestSealText } from '@mosaic/contracts';
import { Header } from 'tar';
import { expect } from 'vitest';

export interface ArchiveEntry {
  path: string;
  body?: string | Buffer;
  /** @default 'File' */
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link';
  linkpath?: string;
}

/** A gzipped ustar archive of exactly these entries (no path cleaning). */
export function tarGz(entries: readonly ArchiveEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const header = new Header({
      path: entry.path,
      type: entry.type ?? 'File',
      size: entry.type === undefined || entry.type === 'File' ? body.length : 0,
      mode: 0o644,
      mtime: new Date(0),
      linkpath: entry.linkpath,
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block);
    if (body.length > 0 && (entry.type ?? 'File') === 'File') {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

export interface BuiltApp {
  name: string;
  version: string;
  protocol?: string;
  roles?: string[];
  /** `titles` of mosaic.json, as given (tests send bad ones too). @default none */
  titles?: unknown;
  /** Files besides mosaic.json. @default index.html and <name>.js */
  files?: Record<string, string | Buffer>;
}

/**
 * The files of a build as build-kit writes them: mosaic.json listing each other file with its
 * size and sha256, its fields sealed into index.html.
 */
export function appFiles(app: BuiltApp): ArchiveEntry[] {
  const fields = {
    name: app.name,
    version: app.version,
    title: app.name,
    ...(app.titles === undefined ? {} : { titles: app.titles }),
    route: `/${app.name}`,
    entry: 'index.html',
    protocol: app.protocol ?? '1.1.0',
    roles: app.roles ?? ['owner'],
  };
  const seal = manifestSealTag(createHash('sha256').update(manifestSealText(fields)).digest('hex'));
  const files = app.files ?? {
    'index.html': `<head>${seal}</head><div id="root"></div><script src="./${app.name}.js" entry></script><!-- ${app.version} -->`,
    [`${app.name}.js`]: `console.log(${JSON.stringify(`${app.name}@${app.version}`)})`,
  };
  const manifest = {
    ...fields,
    files: Object.entries(files).map(([path, body]) => ({
      path,
      size: Buffer.from(body).length,
      sha256: createHash('sha256').update(body).digest('hex'),
    })),
  };
  return [
    { path: 'mosaic.json', body: JSON.stringify(manifest) },
    ...Object.entries(files).map(([path, body]) => ({ path, body })),
  ];
}

/** POST an archive to the registry. */
export function publish(
  bffUrl: string,
  name: string,
  archive: Buffer,
  token: string,
): Promise<Response> {
  return fetch(`${bffUrl}/api/registry/apps/${name}/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
    body: new Uint8Array(archive),
  });
}

/** PUT an app's channels. */
export function setChannels(
  bffUrl: string,
  name: string,
  body: unknown,
  token: string,
): Promise<Response> {
  return fetch(`${bffUrl}/api/registry/apps/${name}/channels`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** POST a build of `app` (the files `appFiles` writes) to the registry. */
export function publishApp(bffUrl: string, app: BuiltApp, token: string): Promise<Response> {
  return publish(bffUrl, app.name, tarGz(appFiles(app)), token);
}

/** Publish these versions of one app, in order; fails the suite unless each answers 201. */
export async function publishVersions(
  bffUrl: string,
  app: Omit<BuiltApp, 'version'>,
  versions: readonly string[],
  token: string,
): Promise<void> {
  for (const version of versions) {
    const response = await publishApp(bffUrl, { ...app, version }, token);
    expect(response.status).toBe(201);
  }
}

/** One app's entry in GET /api/registry/apps (versions, channels, history), if it has one. */
export async function registryApp<T>(
  bffUrl: string,
  name: string,
  token: string,
): Promise<(T & { name: string }) | undefined> {
  const response = await fetch(`${bffUrl}/api/registry/apps`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { apps } = (await response.json()) as { apps: (T & { name: string })[] };
  return apps.find((app) => app.name === name);
}

/**
 * Expect a refusal with this status and error code, its request id the response's, its message
 * one line (the CLI prints it as it is); returns the message.
 */
export async function expectRefused(
  response: Response,
  status: number,
  code: string,
): Promise<string> {
  const body = (await response.json()) as {
    error: { code: string; message: string; requestId: string };
  };
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  expect(body.error.message).not.toContain('\n');
  return body.error.message;
}
