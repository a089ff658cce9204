import { useEffect } from 'react';
import { useInventory } from './inventory-context.js';

/** Names the screen in the browser tab through the shell (`title.set`), e.g. the product's name. */
export function usePageTitle(title: string | undefined): void {
  const { bus } = useInventory();
  useEffect(() => {
    if (title) bus.publish('title.set', { title: title.slice(0, 120) });
  }, [bus, title]);
}
