import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import {
  containerEnv,
  deploymentContainers,
  ofKind,
  readManifests,
  scriptOf,
} from './read-manifests.js';
import {
  REPO_ROOT,
  defaultPortOf,
  envNamesRead,
  getRoutes,
  readSource,
  sourceOfScript,
  sourcesOfProcess,
} from './read-source.js';

/**
 * What a process needs set on a shared, many-pod deployment, when it reads the variable at all.
 * The names are checked against the code below, so this table cannot name a variable nobody reads.
 */
const NEEDED: { anyOf: string[]; value?: string; atMostOne?: boolean; why: string }[] = [
  {
    anyOf: ['DATABASE_URL'],
    why: 'else each pod keeps its own embedded database, on a read-only root file system',
  },
  {
    anyOf: ['MOSAIC_SESSION_SECRET'],
    why: "else each replica signs sessions with its own generated key and rejects the others'",
  },
  {
    anyOf: ['MOSAIC_PUBLISH_TOKEN', 'MOSAIC_PUBLISH_TOKENS'],
    why: 'else the registry refuses every publish',
  },
  {
    anyOf: ['REDIS_URL', 'REDIS_CLUSTER_NODES'],
    atMostOne: true,
    why: 'else each replica caches alone and a write through one leaves the others stale; both is refused at boot',
  },
  {
    anyOf: ['MOSAIC_DEV_OVERRIDES'],
    value: 'off',
    why: 'DESIGN.md: no developer overrides of app builds on a shared deployment',
  },
];

/** Every container with the source files of the process it runs. */
function processes() {
  const documents = readManifests();
  return deploymentContainers(documents).map(({ deployment, container }) => {
    const script = scriptOf(container);
    if (!script) throw new Error(`${container.name}: command is not \`node <script>\``);
    const files = sourcesOfProcess(script);
    return { documents, deployment, container, files, env: containerEnv(container, documents) };
  });
}

describe('each container', () => {
  it('runs `node <script>` for a script built from a source file in the repository', () => {
    for (const { container } of deploymentContainers(readManifests())) {
      const script = scriptOf(container);
      expect(script, `${container.name}: command`).toBeDefined();
      expect(sourceOfScript(script!), `${container.name}: source of ${script}`).toBeDefined();
    }
  });

  it('exposes the port its code listens on', () => {
    for (const { container, files, env } of processes()) {
      const { variable, port } = defaultPortOf(files);
      const listens = Number(env.get(variable)?.value ?? port);
      expect(
        container.ports?.map((p) => p.containerPort),
        `${container.name} listens on ${listens} (${variable})`,
      ).toEqual([listens]);
    }
  });

  it('probes routes its code serves, on a port it exposes', () => {
    for (const { container, files } of processes()) {
      const routes = getRoutes(files);
      const probes = [container.readinessProbe, container.livenessProbe, container.startupProbe];
      expect(container.readinessProbe?.httpGet, `${container.name}: readiness`).toBeDefined();
      expect(container.livenessProbe?.httpGet, `${container.name}: liveness`).toBeDefined();
      for (const probe of probes) {
        if (!probe?.httpGet) continue;
        const { path: route, port } = probe.httpGet;
        expect([...routes], `${container.name}: probe path`).toContain(route);
        expect(
          container.ports?.some((p) => p.name === port || p.containerPort === port),
          `${container.name}: probe port ${port}`,
        ).toBe(true);
      }
    }
  });

  it('is given only variables its code reads', () => {
    for (const { container, files, env } of processes()) {
      const read = envNamesRead(files);
      const unread = [...env.keys()].filter((name) => !read.has(name));
      expect(unread, `${container.name} never reads these`).toEqual([]);
    }
  });

  it('is given every variable it needs when many pods share one deployment', () => {
    const all = processes();
    const readByAny = new Set(all.flatMap(({ files }) => [...envNamesRead(files)]));
    for (const need of NEEDED) {
      expect(
        need.anyOf.filter((name) => !readByAny.has(name)),
        need.why,
      ).toEqual([]);
    }
    for (const { container, files, env } of all) {
      const read = envNamesRead(files);
      for (const need of NEEDED) {
        if (!need.anyOf.some((name) => read.has(name))) continue;
        const set = need.anyOf.filter((name) => env.has(name));
        const message = `${container.name}: ${need.anyOf.join(' or ')}: ${need.why}`;
        expect(set.length, message).toBeGreaterThan(0);
        if (need.atMostOne) expect(set.length, message).toBe(1);
        if (need.value !== undefined) expect(env.get(set[0]!)?.value, message).toBe(need.value);
      }
    }
  });

  it('listens on every interface, not the loopback its code defaults to', () => {
    for (const { container, files, env } of processes()) {
      if (!envNamesRead(files).has('HOST')) continue;
      expect(['0.0.0.0', '::'], `${container.name}: HOST`).toContain(env.get('HOST')?.value);
    }
  });

  it('reaches each service it calls through that Service, at its port', () => {
    for (const { documents, container, files, env } of processes()) {
      const services = ofKind<IService>(documents, 'Service');
      for (const name of envNamesRead(files)) {
        const service = services.find((s) => `${s.metadata?.name?.toUpperCase()}_URL` === name);
        if (!service) continue;
        const port = service.spec?.ports?.[0]?.port;
        expect(env.get(name)?.value, `${container.name}: ${name}`).toBe(
          `http://${service.metadata?.name}:${port}`,
        );
      }
    }
  });

  it('keeps its data folder writable, and the registry in it on the shared claim', () => {
    for (const { deployment, container, env } of processes()) {
      const dataDir = env.get('MOSAIC_DATA_DIR')?.value;
      if (!dataDir) continue;
      const mounts = container.volumeMounts ?? [];
      const volumes = deployment.spec?.template.spec?.volumes ?? [];
      expect(
        mounts.map((m) => m.mountPath),
        `${container.name}: data folder`,
      ).toContain(dataDir);
      // config.default.ts: registryDir is path.join(dataDir, '<folder>', 'apps').
      const folder = /registryDir: path\.join\(dataDir, '([^']+)'/.exec(
        readSource('bff/config/config.default.ts'),
      )?.[1];
      const registry = mounts.find((m) => m.mountPath === path.posix.join(dataDir, folder!));
      expect(registry, `${container.name}: registry mount`).toBeDefined();
      const volume = volumes.find((v) => v.name === registry?.name);
      expect(volume?.persistentVolumeClaim, `${container.name}: registry volume`).toBeDefined();
    }
  });
});

/** What `pnpm start:cluster` runs (cluster/src/roles.mjs), read as plain JavaScript. */
interface ClusterRoles {
  BFF_SCRIPT: string;
  HEALTH_PATH: string;
  MACHINE_LOCAL: (string | RegExp)[];
  bffEnv(o: Record<string, unknown>): Record<string, string>;
  serviceEnv(o: Record<string, unknown>): Record<string, string>;
  serviceScript(name: string): string;
}
const roles = (await import(
  pathToFileURL(path.join(REPO_ROOT, 'cluster', 'src', 'roles.mjs')).href
)) as ClusterRoles;

/** The variable names a role is given by the topology that every deployment must set too. */
function namesToSet(env: Record<string, string>, alsoOptional: (string | RegExp)[] = []): string[] {
  const optional = [...roles.MACHINE_LOCAL, ...alsoOptional];
  return Object.keys(env).filter(
    (name) => !optional.some((o) => (typeof o === 'string' ? o === name : o.test(name))),
  );
}

describe('the manifests and `pnpm start:cluster`', () => {
  const documents = readManifests();
  const containers = deploymentContainers(documents);
  const SERVICES = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'contracts', 'services.json'), 'utf8')) as {
      services: { name: string }[];
    }
  ).services.map((s) => s.name);
  const serviceUrls = Object.fromEntries(
    SERVICES.map((name) => [`${name.toUpperCase()}_URL`, 'http://x']),
  );

  it('run the BFF as the topology does, with the variables it sets', () => {
    const bff = containers.filter(({ container }) => scriptOf(container)?.startsWith('bff/'));
    expect(bff.length).toBeGreaterThan(0);
    const wanted = namesToSet(roles.bffEnv({ serviceUrls }));
    for (const { container } of bff) {
      expect(scriptOf(container), container.name).toBe(roles.BFF_SCRIPT);
      const env = containerEnv(container, documents);
      expect(
        wanted.filter((name) => !env.has(name)),
        `${container.name} lacks`,
      ).toEqual([]);
    }
  });

  it('run every service, and a canary catalog, with the variables the topology sets', () => {
    // A service on DATABASE_URL uses no data folder; the URLs a service needs are the ones it
    // calls (checked above), not every one the topology hands out.
    const stable = namesToSet(roles.serviceEnv({ portVariable: 'X_PORT', serviceUrls }), [
      'MOSAIC_DATA_DIR',
      /^(?!DATABASE_)[A-Z]+_URL$/,
    ]);
    for (const name of SERVICES) {
      const runs = containers.filter(
        ({ container }) => scriptOf(container) === roles.serviceScript(name),
      );
      const variants = runs.map(
        ({ container }) => containerEnv(container, documents).get('MOSAIC_SERVICE_VARIANT')?.value,
      );
      expect(variants, `${name}: a stable Deployment`).toContain(undefined);
      if (name === 'catalog') expect(variants, 'catalog: a canary Deployment').toContain('canary');
      for (const { container } of runs) {
        const env = containerEnv(container, documents);
        expect(
          stable.filter((n) => !env.has(n)),
          `${container.name} lacks`,
        ).toEqual([]);
      }
    }
  });

  it('probe the route HAProxy checks', () => {
    for (const { container } of containers) {
      expect(container.readinessProbe?.httpGet?.path, container.name).toBe(roles.HEALTH_PATH);
      expect(container.livenessProbe?.httpGet?.path, container.name).toBe(roles.HEALTH_PATH);
    }
  });
});

describe('the Dockerfile', () => {
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'deploy', 'Dockerfile'), 'utf8');

  it("installs with npm the pnpm that package.json's packageManager names, not with corepack", () => {
    const { packageManager } = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
    ) as { packageManager: string };
    expect(dockerfile).toContain(`npm install -g ${packageManager}`);
    expect(dockerfile).not.toMatch(/^RUN .*corepack/m);
  });

  it('exposes every port a container listens on', () => {
    const exposed = (/^EXPOSE (.+)$/m.exec(dockerfile)?.[1] ?? '').split(/\s+/).map(Number);
    for (const { container } of deploymentContainers(readManifests())) {
      for (const port of container.ports ?? []) {
        expect(exposed, container.name).toContain(port.containerPort);
      }
    }
  });
});
