import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { containerEnv, deploymentContainers, ofKind, readManifests } from './read-manifests.js';

function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe('each Service', () => {
  it('selects the pods of exactly one Deployment and targets a port they expose', () => {
    const documents = readManifests();
    const deployments = ofKind<IDeployment>(documents, 'Deployment');
    for (const service of ofKind<IService>(documents, 'Service')) {
      const name = service.metadata?.name;
      const selector = service.spec?.selector ?? {};
      expect(Object.keys(selector), `Service ${name} selects every pod`).not.toEqual([]);
      const selected = deployments.filter((d) =>
        labelsMatch(selector, d.spec?.template.metadata?.labels ?? {}),
      );
      expect(
        selected.map((d) => d.metadata?.name),
        `Service ${name}`,
      ).toHaveLength(1);
      const ports = selected[0]!.spec!.template.spec!.containers.flatMap((c) => c.ports ?? []);
      for (const port of service.spec?.ports ?? []) {
        const target = port.targetPort ?? port.port;
        expect(
          ports.some((p) => p.name === target || p.containerPort === target),
          `Service ${name} targets port ${target}`,
        ).toBe(true);
      }
    }
  });
});

describe('each Deployment', () => {
  it("selects its own pod template's labels", () => {
    for (const deployment of ofKind<IDeployment>(readManifests(), 'Deployment')) {
      expect(
        labelsMatch(
          deployment.spec?.selector.matchLabels ?? {},
          deployment.spec?.template.metadata?.labels ?? {},
        ),
        `Deployment ${deployment.metadata?.name}`,
      ).toBe(true);
    }
  });

  it('reads only ConfigMaps that exist and Secret keys the example Secret has', () => {
    const documents = readManifests();
    const secrets = ofKind<ISecret>(documents, 'Secret');
    for (const { container } of deploymentContainers(documents)) {
      // containerEnv throws on a ConfigMap or Secret named in envFrom that is not there.
      containerEnv(container, documents);
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const secret = secrets.find((s) => s.metadata?.name === ref.name);
        expect(secret, `${container.name}: Secret '${ref.name}'`).toBeDefined();
        expect(Object.keys(secret?.stringData ?? {}), `${container.name}: ${ref.name}`).toContain(
          ref.key,
        );
      }
    }
  });
});

describe('the HorizontalPodAutoscaler', () => {
  it('scales a Deployment whose every container requests CPU, and that sets no replicas itself', () => {
    const documents = readManifests();
    const autoscalers = ofKind<IHorizontalPodAutoscaler>(documents, 'HorizontalPodAutoscaler');
    expect(autoscalers.length).toBeGreaterThan(0);
    for (const hpa of autoscalers) {
      const target = hpa.spec!.scaleTargetRef;
      expect(target.kind).toBe('Deployment');
      const deployment = ofKind<IDeployment>(documents, 'Deployment').find(
        (d) => d.metadata?.name === target.name,
      );
      expect(deployment, `HPA ${hpa.metadata?.name} targets '${target.name}'`).toBeDefined();
      for (const container of deployment!.spec!.template.spec!.containers) {
        expect(container.resources?.requests?.cpu, container.name).toBeDefined();
      }
      // A replica count in the Deployment resets the HPA's on every `kubectl apply`.
      expect(deployment!.spec!.replicas, `Deployment ${target.name} replicas`).toBeUndefined();
      expect(hpa.spec!.minReplicas ?? 1).toBeGreaterThan(1);
      expect(hpa.spec!.metrics?.map((m) => m.resource?.name)).toContain('cpu');
    }
  });
});

describe('volumes', () => {
  it('are ReadWriteMany when a Deployment that runs more than one pod mounts them', () => {
    const documents = readManifests();
    const scaled = new Set(
      ofKind<IHorizontalPodAutoscaler>(documents, 'HorizontalPodAutoscaler')
        .filter((hpa) => hpa.spec!.maxReplicas > 1)
        .map((hpa) => hpa.spec!.scaleTargetRef.name),
    );
    const claims = ofKind<IPersistentVolumeClaim>(documents, 'PersistentVolumeClaim');
    for (const deployment of ofKind<IDeployment>(documents, 'Deployment')) {
      const name = deployment.metadata!.name!;
      if (!scaled.has(name) && (deployment.spec?.replicas ?? 1) <= 1) continue;
      for (const volume of deployment.spec?.template.spec?.volumes ?? []) {
        const claimName = volume.persistentVolumeClaim?.claimName;
        if (!claimName) continue;
        const claim = claims.find((c) => c.metadata?.name === claimName);
        expect(claim, `${name} mounts claim '${claimName}'`).toBeDefined();
        expect(claim!.spec?.accessModes, `claim ${claimName}`).toContain('ReadWriteMany');
      }
    }
  });
});

describe('the Ingress', () => {
  it('sends traffic to Services and ports that exist', () => {
    const documents = readManifests();
    const services = ofKind<IService>(documents, 'Service');
    for (const ingress of ofKind<IIngress>(documents, 'Ingress')) {
      const backends = (ingress.spec?.rules ?? []).flatMap((rule) =>
        (rule.http?.paths ?? []).map((p) => p.backend.service!),
      );
      expect(backends.length).toBeGreaterThan(0);
      for (const backend of backends) {
        const service = services.find((s) => s.metadata?.name === backend.name);
        expect(service, `Ingress backend '${backend.name}'`).toBeDefined();
        expect(
          service!.spec!.ports!.some(
            (p) => p.name === backend.port?.name || p.port === backend.port?.number,
          ),
          `Ingress backend ${backend.name} port`,
        ).toBe(true);
      }
    }
  });
});
