// `import products from './products.graphql'` in an app built with build-kit: the operation's
// id, name and text (see `mosaic:graphql-documents`). Add "@mosaic/build-kit/graphql-modules"
// to the app's tsconfig `types`.
declare module '*.graphql' {
  import type { TrustedDocument } from '@mosaic/build-kit';

  const document: TrustedDocument;
  export default document;
}
