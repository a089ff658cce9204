import * as models from 'kubernetes-models';

export interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && 'apiVersion' in value && 'kind' in value;
}

/**
 * The kubernetes-models class of every built-in kind, by `apiVersion/kind`, read from the package
 * itself (`apps.v1.Deployment`, and `v1.Service` for the core group, which has no group level), so
 * a new kind or version in the manifests needs no change here.
 */
export function modelClasses(): Map<string, ModelClass> {
  const classes = new Map<string, ModelClass>();
  const walk = (namespace: object): void => {
    for (const value of Object.values(namespace)) {
      if (isModelClass(value)) classes.set(`${value.apiVersion}/${value.kind}`, value);
      else if (typeof value === 'object' && value !== null) walk(value);
    }
  };
  walk(models);
  return classes;
}
