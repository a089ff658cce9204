export type {
  AppEntry,
  AppFallback,
  AppList,
  DeniedApp,
  RoleGrantList,
  SharedEntry,
} from './app-entry.js';
export type {
  AppManifest,
  AppManifestFields,
  ManifestFile,
  StoredAppManifest,
} from './app-manifest.js';
export {
  LOCALE_TAG,
  MAX_APP_TITLE_LENGTH,
  MAX_APP_TITLE_LOCALES,
  appTitleFor,
} from './app-titles.js';
export type { AppTitles } from './app-titles.js';
export { ApiErrorCode, ServiceErrorCode } from './error-codes.js';
export { SESSION_HINT_COOKIE } from './session-hint.js';
export { SHELL_BOOT_ELEMENT_ID } from './shell-boot.js';
export type { ShellBoot } from './shell-boot.js';
export { READ_ONLY_HEADER } from './read-only-header.js';
export { readErrorBody, readErrorText } from './error-body.js';
export type { ErrorBody, ErrorField, ReadError } from './error-body.js';
export { MoneyFormatError, YUAN_PATTERN, fenToYuan, yuanToFen } from './money.js';
export {
  SERVICES,
  SERVICE_NAMES,
  defaultServiceUrl,
  serviceEnvPrefix,
  servicePort,
} from './services.js';
export type { ServiceContract, ServiceName } from './services.js';
export {
  ALL_APPS,
  DEFAULT_ROLE_APPS,
  ROLES,
  ROLE_RULES,
  defaultAppsFor,
  rolesAllow,
} from './roles.js';
export type { Role, RoleRule } from './roles.js';
export {
  MANIFEST_SEAL_META,
  manifestSealTag,
  manifestSealText,
  readManifestSeal,
} from './manifest-seal.js';
