export { defineMicroAppConfig } from './define-micro-app-config.js';
export type { MicroAppConfigOptions } from './define-micro-app-config.js';
export { htmlEntryPlugin } from './html-entry-plugin.js';
export type { HtmlEntryPluginOptions } from './html-entry-plugin.js';
export { manifestPlugin, manifestSeal } from './manifest-plugin.js';
export type { ManifestPluginOptions, MicroAppManifest, ManifestFile } from './manifest-plugin.js';
export { PROTOCOL_VERSION } from '../shared/protocol.js';
export { microAppGlobalName } from '../shared/app-name.js';
export { appTitleFor } from '@mosaic/contracts';
export { assertValidAppTitles } from './assert-app-titles.js';
export type { AppTitles } from '@mosaic/contracts';
export { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
export { scopeCssPlugin, appScopeSelector } from './scope-css-plugin.js';
export { sharedEntryPlugin, SHARED_HTML_ENTRY } from './shared-entry-plugin.js';
export type { SharedEntryPluginOptions } from './shared-entry-plugin.js';
export {
  SHARED_LIBRARIES_GLOBAL,
  SHARED_MODULES,
  isSharedReactCompatible,
} from '../shared/shared-libraries.js';
export type { SharedEntryManifest, SharedLibraries } from '../shared/shared-libraries.js';
export { graphqlDocumentsPlugin } from './graphql-documents-plugin.js';
export {
  assembleDocument,
  collectDocuments,
  documentId,
  DOCUMENTS_FILE,
  loadDocument,
} from './graphql-documents.js';
export type { TrustedDocumentEntry } from './graphql-documents.js';
