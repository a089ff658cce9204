import list from '../services.json' with { type: 'json' };

/** The domain services the BFF aggregates. */
export const SERVICE_NAMES = [
  'identity',
  'catalog',
  'pricing',
  'party',
  'inventory',
  'sales',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** One domain service: its name and default loopback port. */
export interface ServiceContract {
  name: ServiceName;
  /** Default port; `<NAME>_PORT` overrides it (`CATALOG_PORT`). */
  port: number;
}

/** Every service in start order (each calls only ones before it), from `services.json`. */
export const SERVICES: readonly ServiceContract[] = list.services.map((service) => {
  if (!(SERVICE_NAMES as readonly string[]).includes(service.name)) {
    throw new Error(`services.json names '${service.name}', which SERVICE_NAMES does not list`);
  }
  return { name: service.name as ServiceName, port: service.port };
});
for (const name of SERVICE_NAMES) {
  if (!SERVICES.some((s) => s.name === name)) throw new Error(`services.json lacks '${name}'`);
}

/** The environment prefix of a service: `CATALOG` for `CATALOG_PORT` and `CATALOG_URL`. */
export function serviceEnvPrefix(name: ServiceName): string {
  return name.toUpperCase();
}

/** The default port of a service. */
export function servicePort(name: ServiceName): number {
  const found = SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`no service named '${name}'`);
  return found.port;
}

/** Where a service listens on one machine by default: `http://127.0.0.1:7101`. */
export function defaultServiceUrl(name: ServiceName): string {
  return `http://127.0.0.1:${servicePort(name)}`;
}
