import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { parseAllDocuments } from 'yaml';

/** deploy/k8s, the folder `kubectl apply -k` reads. */
export const K8S_DIR = fileURLToPath(new URL('../k8s/', import.meta.url));

/** The fields every Kubernetes object has; the rest is checked by its kubernetes-models class. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** One YAML document of one file, parsed, or the errors that kept it from parsing. */
export interface ManifestDocument {
  file: string;
  errors: string[];
  object: KubeObject;
}

/** Every `*.yaml` in deploy/k8s, by file name. */
export function listManifestFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

/** Every non-empty document of every file (a file may hold several, split by `---`). */
export function readManifests(): ManifestDocument[] {
  return listManifestFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(K8S_DIR, file), 'utf8'))
      .filter((doc) => doc.contents !== null)
      .map((doc) => ({
        file,
        errors: [...doc.errors, ...doc.warnings].map((e) => e.message),
        object: doc.toJS() as KubeObject,
      })),
  );
}

/**
 * The objects of one kind. The cast is what the schema test (manifests.test.ts) checks: every
 * object validates against its kubernetes-models class.
 */
export function ofKind<T>(documents: ManifestDocument[], kind: string): T[] {
  return documents.filter((doc) => doc.object.kind === kind).map((doc) => doc.object as T);
}

/** Where a container's variable comes from, and its value when the manifests hold it. */
export interface EnvSource {
  from: 'value' | 'configMap' | 'secret' | 'other';
  /** The ConfigMap or Secret it comes from. */
  ref?: string;
  value?: string;
}

/**
 * Every variable a container gets from the manifests: `env` entries and the keys of the
 * ConfigMaps and Secrets named in `envFrom` (read from `documents`, secret.example.yaml included).
 */
export function containerEnv(
  container: IContainer,
  documents: ManifestDocument[],
): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  const dataOf = (kind: string, name: string): Record<string, string> => {
    const found = documents.find((d) => d.object.kind === kind && d.object.metadata.name === name);
    if (!found) throw new Error(`${container.name}: envFrom names a missing ${kind} '${name}'`);
    const { data, stringData } = found.object as { data?: object; stringData?: object };
    return { ...data, ...stringData } as Record<string, string>;
  };
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) {
      const ref = from.configMapRef.name!;
      for (const [name, value] of Object.entries(dataOf('ConfigMap', ref))) {
        env.set(`${from.prefix ?? ''}${name}`, { from: 'configMap', ref, value });
      }
    }
    if (from.secretRef) {
      const ref = from.secretRef.name!;
      for (const name of Object.keys(dataOf('Secret', ref))) {
        env.set(`${from.prefix ?? ''}${name}`, { from: 'secret', ref });
      }
    }
  }
  for (const variable of container.env ?? []) {
    const { valueFrom } = variable;
    if (valueFrom?.secretKeyRef) {
      env.set(variable.name, { from: 'secret', ref: valueFrom.secretKeyRef.name });
    } else if (valueFrom?.configMapKeyRef) {
      const ref = valueFrom.configMapKeyRef.name!;
      const value = dataOf('ConfigMap', ref)[valueFrom.configMapKeyRef.key];
      env.set(variable.name, { from: 'configMap', ref, value });
    } else if (valueFrom) {
      env.set(variable.name, { from: 'other' });
    } else {
      env.set(variable.name, { from: 'value', value: variable.value ?? '' });
    }
  }
  return env;
}

/** The script a container runs: `node <script>` in its command (or args after `node`). */
export function scriptOf(container: IContainer): string | undefined {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  return argv[0] === 'node' ? argv[1] : undefined;
}

/** Every Deployment with its containers, for tests that walk them all. */
export function deploymentContainers(
  documents: ManifestDocument[],
): { deployment: IDeployment; container: IContainer }[] {
  return ofKind<IDeployment>(documents, 'Deployment').flatMap((deployment) =>
    (deployment.spec?.template.spec?.containers ?? []).map((container) => ({
      deployment,
      container,
    })),
  );
}
