import type { GraphQLClient } from '@mosaic/build-kit';
import {
  Button,
  ErrorPanel,
  FormError,
  SearchField,
  describeFailure,
  useT,
} from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import CUSTOMERS from './pick-customer.graphql';

export interface PickedCustomer {
  id: string;
  name: string;
  phone: string | null;
}

export interface CustomerPickerProps {
  graphql: GraphQLClient;
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  error?: string;
}

/** Pick the order's customer, or none (散客, a walk-in). */
export function CustomerPicker({
  graphql,
  value,
  onChange,
  error,
}: CustomerPickerProps): React.JSX.Element {
  const t = useT();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<PickedCustomer[]>();
  const [failure, setFailure] = useState<RequestFailure>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (value) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setFailure(undefined);
      graphql
        .request<{ customers: { nodes: PickedCustomer[] } }>(
          CUSTOMERS,
          { search: search.trim() || null },
          { signal: controller.signal },
        )
        .then(({ customers }) => setOptions(customers.nodes))
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setFailure(describeFailure(e));
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [graphql, search, value, attempt]);

  if (value) {
    return (
      <div className="sales-picked" role="group" aria-label={t('sales.picker.customer')}>
        <span className="sales-muted">{t('sales.picker.customer')}</span>
        <strong data-testid="picked-customer">{value.name}</strong>
        {value.phone && <span className="sales-muted">{value.phone}</span>}
        <Button variant="ghost" onClick={() => onChange(null)}>
          {t('sales.picker.change')}
        </Button>
        <FormError message={error} />
      </div>
    );
  }
  return (
    <div className="sales-stack">
      <SearchField
        label={t('sales.picker.customerSearch')}
        name="customer-search"
        value={search}
        onChange={setSearch}
        placeholder={t('sales.picker.customerHint')}
        error={error}
      />
      {failure && (
        <ErrorPanel
          title={t('sales.customers.loadFailed')}
          message={failure.message}
          requestId={failure.requestId}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {options && options.length === 0 && (
        <p className="sales-muted">{t('sales.picker.noCustomers')}</p>
      )}
      {options && options.length > 0 && (
        <ul className="sales-options" aria-label={t('sales.picker.customer')}>
          {options.map((c) => (
            <li key={c.id}>
              <button type="button" className="sales-option" onClick={() => onChange(c)}>
                {c.name} <span className="sales-muted">{c.phone}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
