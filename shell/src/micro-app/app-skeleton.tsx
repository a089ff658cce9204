/** Grey blocks in the shape of a page while an app loads; announced once as busy. */
export function AppSkeleton({ label }: { label: string }): React.JSX.Element {
  return (
    <div className="shell-skeleton" role="status" aria-busy="true" aria-label={label}>
      <div className="shell-skeleton-bar is-title" />
      <div className="shell-skeleton-bar" />
      <div className="shell-skeleton-bar" />
      <div className="shell-skeleton-bar is-short" />
    </div>
  );
}
