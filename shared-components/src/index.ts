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
