// One stylesheet (theme tokens + component styles) comes with the components.
import './styles.css';

export { Button } from './button/button.js';
export type { ButtonProps } from './button/button.js';
export { Spinner } from './spinner/spinner.js';
export type { SpinnerProps } from './spinner/spinner.js';
export { ErrorPanel } from './error-panel/error-panel.js';
export type { ErrorPanelProps } from './error-panel/error-panel.js';
export { EmptyState } from './empty-state/empty-state.js';
export type { EmptyStateProps } from './empty-state/empty-state.js';

export { formatMoney, yuanToFen, fenToYuan, MoneyFormatError } from './format/money.js';
export { formatQuantity } from './format/quantity.js';
export { formatDate, DEFAULT_TIME_ZONE } from './format/date.js';
export type { FormatDateOptions } from './format/date.js';
export { I18nProvider, useT, useLocale } from './i18n/i18n.js';
export type { I18nProviderProps } from './i18n/i18n.js';
export { createTranslate, resolveLocale, SUPPORTED_LOCALES } from './i18n/translate.js';
export type {
  Messages,
  PluralMessage,
  Dictionaries,
  Translate,
  SupportedLocale,
} from './i18n/translate.js';

export { useAsync } from './use-async/use-async.js';
export type { AsyncState, UseAsyncResult } from './use-async/use-async.js';
export { describeFailure } from './use-async/describe-failure.js';
export type { RequestFailure } from './use-async/describe-failure.js';
export { useLoadMore } from './use-load-more/use-load-more.js';
export type { ListPage, UseLoadMoreResult } from './use-load-more/use-load-more.js';
export { AsyncView } from './async-view/async-view.js';
export type { AsyncViewProps } from './async-view/async-view.js';
export { reactLifecycles } from './react-lifecycles/react-lifecycles.js';
export type { ReactLifecycles, ReactMountContext } from './react-lifecycles/react-lifecycles.js';
export { useAppRoute, pathInApp } from './use-app-route/use-app-route.js';
export type { AppRouteSource, UseAppRouteResult } from './use-app-route/use-app-route.js';
export { DataTable } from './data-table/data-table.js';
export type {
  DataTableProps,
  DataTableColumn,
  DataTablePaging,
  SortState,
  SortDirection,
} from './data-table/data-table.js';
export { FormField } from './form-field/form-field.js';
export type { FormFieldProps, FieldControlProps } from './form-field/form-field.js';
export { FormError } from './form-field/form-error.js';
export type { FormErrorProps } from './form-field/form-error.js';
export { fieldErrorsOf } from './form-field/field-errors.js';
export type { FieldErrors } from './form-field/field-errors.js';
export { TextField } from './text-field/text-field.js';
export type { TextFieldProps } from './text-field/text-field.js';
export { SearchField } from './search-field/search-field.js';
export type { SearchFieldProps } from './search-field/search-field.js';
export { NumberField, parseInteger } from './number-field/number-field.js';
export type { NumberFieldProps } from './number-field/number-field.js';
export { Select } from './select/select.js';
export type { SelectProps, SelectOption } from './select/select.js';
export { Dialog } from './dialog/dialog.js';
export type { DialogProps } from './dialog/dialog.js';
export { ToastProvider, useToast } from './toast/toast.js';
export { findPortalLayer, usePortalLayer } from './portal-layer/use-portal-layer.js';
export type { PortalLayer } from './portal-layer/use-portal-layer.js';
export type { ToastProviderProps, ToastApi, ToastOptions, ToastTone } from './toast/toast.js';
export { Skeleton } from './skeleton/skeleton.js';
export type { SkeletonProps } from './skeleton/skeleton.js';
export { ForbiddenState } from './forbidden-state/forbidden-state.js';
export type { ForbiddenStateProps } from './forbidden-state/forbidden-state.js';
export { Stack } from './stack/stack.js';
export type { StackProps } from './stack/stack.js';
export { Page, PageHeader } from './page/page.js';
export type { PageProps, PageHeaderProps } from './page/page.js';
