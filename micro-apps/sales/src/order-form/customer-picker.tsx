import type { GraphQLClient } from '@mosaic/build-kit';
import { Button, describeFailure } from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';

const CUSTOMERS = `query PickCustomer($search: String) {
  customers(first: 8, search: $search) { nodes { id name phone memberLevel } }
}`;

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
      <div className="sales-field">
        <span className="sales-field__label">客户</span>
        <div className="sales-inline-form">
          <strong data-testid="picked-customer">{value.name}</strong>
          {value.phone && <span className="sales-muted">{value.phone}</span>}
          <Button variant="ghost" onClick={() => onChange(null)}>
            更换
          </Button>
        </div>
        {error && (
          <p className="sales-field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="sales-field">
      <label className="sales-field">
        <span className="sales-field__label">客户（不选即为散客）</span>
        <input
          className="sales-input"
          name="customer-search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="按姓名或电话查找"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
        />
      </label>
      {error && (
        <p className="sales-field__error" role="alert">
          {error}
        </p>
      )}
      {failure && (
        <p role="alert" className="sales-error">
          客户加载失败：{failure.message}
          {failure.requestId && `（请求 ID ${failure.requestId}）`}{' '}
          <button type="button" className="sales-link" onClick={() => setAttempt((n) => n + 1)}>
            重试
          </button>
        </p>
      )}
      {options && options.length === 0 && <p className="sales-muted">没有匹配的客户</p>}
      {options && options.length > 0 && (
        <ul className="sales-options" aria-label="客户">
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
