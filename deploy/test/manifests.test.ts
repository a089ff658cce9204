import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  K8S_DIR,
  containerEnv,
  deploymentContainers,
  listManifestFiles,
  ofKind,
  readManifests,
} from './read-manifests.js';
import { modelClasses } from './model-classes.js';

/** Names of values that must come from a Secret, never a ConfigMap or a literal. */
const SECRET_NAME =
  /SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|_KEYS?$|^DATABASE_URL$|^REDIS_URL$/;
/** A URL carrying a password: `scheme://user:password@host`. */
const URL_WITH_PASSWORD = /\/\/[^/@\s:]+:[^/@\s]+@/;

describe('the files in deploy/k8s', () => {
  it('each parses as YAML, one or more documents', () => {
    const documents = readManifests();
    expect(documents.flatMap((doc) => doc.errors.map((e) => `${doc.file}: ${e}`))).toEqual([]);
    for (const file of listManifestFiles()) {
      expect(
        documents.some((doc) => doc.file === file),
        `${file} holds no object`,
      ).toBe(true);
    }
  });

  it('kustomization.yaml lists exactly the manifests, leaving out only *.example.yaml templates', () => {
    const kustomization = parse(readFileSync(path.join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    const manifests = listManifestFiles().filter(
      (file) => file !== 'kustomization.yaml' && !file.endsWith('.example.yaml'),
    );
    expect([...kustomization.resources].sort()).toEqual(manifests);
  });

  it('every object validates against the Kubernetes schema of its kind', () => {
    const classes = modelClasses();
    const problems: string[] = [];
    for (const { file, object } of readManifests()) {
      if (object.kind === 'Kustomization') continue;
      const Model = classes.get(`${object.apiVersion}/${object.kind}`);
      if (!Model) {
        problems.push(`${file}: ${object.apiVersion} ${object.kind} is not a Kubernetes kind`);
        continue;
      }
      try {
        new Model(object).validate();
      } catch (error) {
        problems.push(`${file}: ${object.kind} ${object.metadata.name}: ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names every object, once per kind', () => {
    const keys = readManifests()
      .filter(({ object }) => object.kind !== 'Kustomization')
      .map(({ object }) => `${object.kind}/${object.metadata.name}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});

describe('every container', () => {
  it('runs an image pinned to a version or digest, never latest or untagged', () => {
    for (const { container } of deploymentContainers(readManifests())) {
      const image = container.image ?? '';
      const lastPart = image.slice(image.lastIndexOf('/') + 1);
      const pinned = image.includes('@sha256:') || /:[\w][\w.-]*$/.test(lastPart);
      expect(pinned && !lastPart.endsWith(':latest'), `${container.name}: image '${image}'`).toBe(
        true,
      );
    }
  });

  it('runs as a non-root user', () => {
    for (const { deployment, container } of deploymentContainers(readManifests())) {
      const pod = deployment.spec?.template.spec?.securityContext;
      const own = container.securityContext;
      expect(own?.runAsNonRoot ?? pod?.runAsNonRoot, `${container.name}: runAsNonRoot`).toBe(true);
      expect(own?.runAsUser ?? pod?.runAsUser, `${container.name}: runAsUser`).not.toBe(0);
      expect(own?.allowPrivilegeEscalation, `${container.name}: privilege escalation`).toBe(false);
    }
  });

  it('requests CPU and memory, so the scheduler can place it and the HPA can measure it', () => {
    for (const { container } of deploymentContainers(readManifests())) {
      expect(container.resources?.requests?.cpu, `${container.name}: cpu request`).toBeDefined();
      expect(container.resources?.requests?.memory, `${container.name}: memory`).toBeDefined();
    }
  });

  it('gets secret-looking variables only from a Secret', () => {
    const documents = readManifests();
    for (const { container } of deploymentContainers(documents)) {
      for (const [name, source] of containerEnv(container, documents)) {
        if (SECRET_NAME.test(name)) {
          expect(source.from, `${container.name}: ${name} comes from a ${source.from}`).toBe(
            'secret',
          );
        }
        expect(source.value ?? '', `${container.name}: ${name} holds a password`).not.toMatch(
          URL_WITH_PASSWORD,
        );
      }
    }
  });
});

describe('configuration', () => {
  it('keeps nothing secret-looking in a ConfigMap', () => {
    for (const configMap of ofKind<IConfigMap>(readManifests(), 'ConfigMap')) {
      for (const [name, value] of Object.entries(configMap.data ?? {})) {
        expect(name, `ConfigMap ${configMap.metadata?.name}`).not.toMatch(SECRET_NAME);
        expect(value, `ConfigMap ${configMap.metadata?.name}: ${name}`).not.toMatch(
          URL_WITH_PASSWORD,
        );
      }
    }
  });

  it('commits only placeholders in the example Secret', () => {
    for (const secret of ofKind<ISecret>(readManifests(), 'Secret')) {
      expect(secret.data, `Secret ${secret.metadata?.name}: base64 data`).toBeUndefined();
      for (const [name, value] of Object.entries(secret.stringData ?? {})) {
        if (SECRET_NAME.test(name)) {
          expect(value, `Secret ${secret.metadata?.name}: ${name}`).toContain('change-me');
        }
      }
    }
  });
});
