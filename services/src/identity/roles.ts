// The roles and their default grants are the platform's contract (@mosaic/contracts).
export { ALL_APPS, ROLES } from '@mosaic/contracts';
export type { Role } from '@mosaic/contracts';
export { DEFAULT_ROLE_APPS as ROLE_APPS, defaultAppsFor as appsFor } from '@mosaic/contracts';
