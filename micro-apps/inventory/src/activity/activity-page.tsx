import {
  AsyncView,
  Button,
  DataTable,
  EmptyState,
  ForbiddenState,
  Page,
  PageHeader,
  SearchField,
  Select,
  Skeleton,
  formatDate,
  useLocale,
  useT,
} from '@mosaic/shared-components';
import { isMosaicError } from '@mosaic/build-kit';
import { useState } from 'react';
import { OPERATIONS_QUERY } from '../api/queries.js';
import type { Operation, OperationsData } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { useDebounced } from '../product-list/use-debounced.js';
import { useCursorPages } from '../use-cursor-pages.js';
import { useLiveQuery } from '../use-live-query.js';
import { usePageTitle } from '../use-page-title.js';
import { useStockEvents } from '../use-stock-events.js';
import { valueChanges, type FieldChange } from './value-changes.js';

const PAGE_SIZE = 20;

/**
 * The rows the BFF could give when a service's log was away: it answers them with
 * `complete: null` and an UPSTREAM_UNAVAILABLE error naming the service (beside which a row's
 * name may be missing too, when the catalog is the one away). Any other failure stays one.
 */
function partialPage(error: unknown): OperationsData {
  const data = isMosaicError(error) ? (error.data as OperationsData | undefined) : undefined;
  if (data?.operations?.complete === null) return data;
  throw error;
}

/** The entity types the services log (services README, "Business-operation log"). */
const ENTITY_TYPES = [
  'stock',
  'order',
  'product',
  'customer',
  'reservation',
  'price-list',
  'promotion',
  'warehouse',
  'user',
] as const;

function Changes({
  changes,
  side,
  fieldLabel,
}: {
  changes: FieldChange[];
  side: 'before' | 'after';
  fieldLabel: (field: string) => string;
}): React.JSX.Element {
  if (changes.length === 0) return <>—</>;
  return (
    <ul className="inv-changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="inv-changes__field">{fieldLabel(change.field)}</span> {change[side]}
        </li>
      ))}
    </ul>
  );
}

/** 操作记录: the tenant's business-operation log, newest first, for the owner. */
export function ActivityPage(): React.JSX.Element {
  const { graphql, canSeeActivity, go } = useInventory();
  const t = useT();
  const locale = useLocale();
  const [entityType, setEntityType] = useState('');
  const [user, setUser] = useState('');
  const userQuery = useDebounced(user.trim());
  const { after, paging } = useCursorPages(`${entityType}\u0000${userQuery}`);
  const operations = useLiveQuery(
    (signal) =>
      canSeeActivity
        ? graphql
            .request<OperationsData>(
              OPERATIONS_QUERY,
              {
                first: PAGE_SIZE,
                after,
                entityType: entityType || undefined,
                user: userQuery || undefined,
              },
              { signal },
            )
            .catch(partialPage)
        : Promise.resolve(undefined),
    [graphql, canSeeActivity, entityType, userQuery, after],
  );
  usePageTitle(t('inv.activity'));
  useStockEvents(() => operations.refresh());
  const label = (prefix: string, key: string): string => {
    const text = t(`${prefix}.${key}`);
    return text === `${prefix}.${key}` ? key : text;
  };
  const fieldLabel = (field: string): string => label('inv.field', field);
  const back = (
    <Button variant="ghost" onClick={() => go('/')}>
      {t('inv.back')}
    </Button>
  );

  if (!canSeeActivity) {
    return (
      <Page testId="activity">
        <PageHeader back={back} title={t('inv.activity')} />
        <ForbiddenState />
      </Page>
    );
  }
  return (
    <Page testId="activity">
      <PageHeader back={back} title={t('inv.activity')} subtitle={t('inv.activity.subtitle')} />
      <div className="inv-filters" role="search">
        <Select
          label={t('inv.activity.entity')}
          value={entityType}
          onChange={setEntityType}
          placeholder={t('inv.activity.allEntities')}
          options={ENTITY_TYPES.map((type) => ({ value: type, label: label('inv.entity', type) }))}
          data-testid="activity-entity"
        />
        <SearchField
          label={t('inv.activity.user')}
          value={user}
          onChange={setUser}
          placeholder={t('inv.activity.userHint')}
          data-testid="activity-user"
        />
      </div>
      {operations.state.status === 'ready' &&
        operations.state.data?.operations.complete === null && (
          <p className="inv-notice" role="status" data-testid="activity-partial">
            {t('inv.activity.partial')}
          </p>
        )}
      <AsyncView
        state={operations.state}
        onRetry={operations.retry}
        errorTitle={t('inv.activity.failed')}
        loading={<Skeleton variant="rows" lines={6} />}
      >
        {(data) => {
          const connection = data?.operations;
          const filtered = Boolean(entityType || userQuery);
          return (
            <DataTable<Operation>
              caption={t('inv.activity')}
              hideCaption
              testId="activity-list"
              rows={connection?.nodes ?? []}
              rowKey={(op) => op.id}
              rowProps={(op) => ({
                'data-testid': 'activity-row',
                'data-operation': op.operation,
                'data-request-id': op.requestId ?? '',
              })}
              empty={
                <EmptyState
                  title={filtered ? t('inv.activity.noMatch') : t('inv.activity.empty')}
                  description={filtered ? undefined : t('inv.activity.emptyDescription')}
                />
              }
              columns={[
                {
                  key: 'time',
                  header: t('inv.activity.col.time'),
                  primary: true,
                  cell: (op) => formatDate(op.at, { time: true, locale }),
                },
                {
                  key: 'user',
                  header: t('inv.activity.col.user'),
                  cell: (op) => (
                    <span data-testid="activity-user-name">
                      {op.userName ?? t('inv.activity.system')}
                    </span>
                  ),
                },
                {
                  key: 'operation',
                  header: t('inv.activity.col.operation'),
                  cell: (op) => label('inv.op', op.operation),
                },
                {
                  key: 'entity',
                  header: t('inv.activity.col.entity'),
                  cell: (op) => (
                    <span title={op.entityId} data-testid="activity-entity-name">
                      {label('inv.entity', op.entityType)} ·{' '}
                      {op.entityName ?? op.entityId.slice(0, 8)}
                    </span>
                  ),
                },
                ...(['before', 'after'] as const).map((side) => ({
                  key: side,
                  header: t(`inv.activity.col.${side}`),
                  cell: (op: Operation) => (
                    <span data-testid={`activity-${side}`}>
                      <Changes
                        changes={valueChanges(op.before ?? null, op.after ?? null)}
                        side={side}
                        fieldLabel={fieldLabel}
                      />
                    </span>
                  ),
                })),
                {
                  key: 'request',
                  header: t('inv.activity.col.request'),
                  cell: (op) => <code className="inv-request-id">{op.requestId ?? '—'}</code>,
                },
              ]}
              paging={paging(connection?.pageInfo)}
            />
          );
        }}
      </AsyncView>
    </Page>
  );
}
