import {
  AsyncView,
  Button,
  FormError,
  ForbiddenState,
  Page,
  PageHeader,
  Skeleton,
  TextField,
  useT,
  useToast,
} from '@mosaic/shared-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { CREATE_PRODUCT, PRODUCT_QUERY, UPDATE_PRODUCT } from '../api/queries.js';
import type { Product, ProductData } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { productPath } from '../routes.js';
import { useLiveQuery } from '../use-live-query.js';
import { usePageTitle } from '../use-page-title.js';
import { useSubmit } from '../use-submit.js';
import { attemptOf, writeKeys } from '../write-keys.js';

export interface ProductFormPageProps {
  /** Edit this product; leave out to create one. */
  id?: string;
}

/** 新建商品 / 编辑商品. Editing loads the product first; the SKU is fixed once created. */
export function ProductFormPage({ id }: ProductFormPageProps): React.JSX.Element {
  const { graphql, canEdit, go } = useInventory();
  const t = useT();
  const existing = useLiveQuery(
    (signal) =>
      id
        ? graphql.request<ProductData>(PRODUCT_QUERY, { id }, { signal })
        : Promise.resolve(undefined),
    [graphql, id],
  );
  const title = id ? t('inv.form.editTitle') : t('inv.form.newTitle');
  usePageTitle(title);
  const back = (
    <Button variant="ghost" onClick={() => go(id ? productPath(id) : '/')}>
      {t('inv.back')}
    </Button>
  );
  if (!canEdit) {
    return (
      <Page testId="product-form">
        <PageHeader back={back} title={title} />
        <ForbiddenState description={t('inv.forbiddenAction')} />
      </Page>
    );
  }
  return (
    <Page testId="product-form">
      <PageHeader back={back} title={title} />
      <AsyncView
        state={existing.state}
        onRetry={existing.retry}
        errorTitle={t('inv.detailFailed')}
        loading={<Skeleton lines={5} />}
      >
        {(data) => (
          <ProductForm key={data?.product?.id ?? 'new'} product={data?.product ?? undefined} />
        )}
      </AsyncView>
    </Page>
  );
}

/** The product's fields, in form order; names match NewProductInput and the server's field errors. */
const FIELDS = [
  { name: 'sku', required: true, maxLength: 64 },
  { name: 'name', required: true, maxLength: 120 },
  { name: 'category', required: true, maxLength: 60 },
  { name: 'unit', required: true, maxLength: 16 },
  { name: 'barcode', required: false, maxLength: 32 },
] as const;

function ProductForm({ product }: { product: Product | undefined }): React.JSX.Element {
  const { graphql, go } = useInventory();
  const t = useT();
  const toast = useToast();
  const [values, setValues] = useState({
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    category: product?.category ?? '',
    unit: product?.unit ?? '',
    barcode: product?.barcode ?? '',
  });
  const submit = useSubmit({ CONFLICT: 'sku' });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    const trimmed = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, v.trim()]),
    ) as typeof values;
    const fields: Record<string, string> = {};
    for (const field of FIELDS) {
      if (field.required && !trimmed[field.name]) {
        fields[field.name] = t('inv.required', { field: t(`inv.form.${field.name}`) });
      }
    }
    if (Object.keys(fields).length > 0) {
      submit.setErrors({ fields, message: undefined, requestId: undefined });
      return;
    }
    const { sku, barcode, ...patch } = trimmed;
    const createProduct = (input: Record<string, string | undefined>): Promise<string> =>
      writeKeys
        .send(attemptOf('createProduct', input), (key) =>
          graphql.request<{ createProduct: { id: string } }>(CREATE_PRODUCT, { input, key }),
        )
        .then((d) => d.createProduct.id);
    submit.run(
      () =>
        product
          ? graphql
              .request<{ updateProduct: { id: string } }>(UPDATE_PRODUCT, {
                id: product.id,
                input: { ...patch, barcode: barcode || null },
              })
              .then((d) => d.updateProduct.id)
          : createProduct({ sku, ...patch, barcode: barcode || undefined }),
      (savedId) => {
        toast.show(t(product ? 'inv.form.updated' : 'inv.form.created', { name: trimmed.name }), {
          tone: 'success',
        });
        go(productPath(savedId));
      },
    );
  }

  const errors = submit.errors;
  return (
    <form
      className="inv-form inv-form--page"
      onSubmit={onSubmit}
      noValidate
      data-testid="product-form-fields"
    >
      <FormError message={errors?.message} requestId={errors?.requestId} />
      {FIELDS.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={t(`inv.form.${field.name}`)}
          hint={field.name === 'unit' ? t('inv.form.unitHint') : undefined}
          value={values[field.name]}
          onChange={set(field.name)}
          error={errors?.fields[field.name]}
          required={field.required}
          maxLength={field.maxLength}
          disabled={field.name === 'sku' && Boolean(product)}
        />
      ))}
      <div className="inv-form__actions">
        <Button variant="primary" type="submit" disabled={submit.saving}>
          {submit.saving ? t('inv.saving') : t('inv.save')}
        </Button>
      </div>
    </form>
  );
}
