import type { EventPayload, MountContext } from '@mosaic/build-kit';
import { useEffect, useState } from 'react';
import './hello.css';

type Session = EventPayload<'session.changed'>;

/** 示例: shows the mount context and talks to other apps over the bus. */
export function HelloApp({ ctx }: { ctx: MountContext }): React.JSX.Element {
  const [session, setSession] = useState<Session>();
  const [heard, setHeard] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [orders, setOrders] = useState(0);

  useEffect(() => {
    // Sticky: handed the current session at once. No cleanup needed on unmount
    // (the shell removes what an app registered), but tidy components unsubscribe.
    const offSession = ctx.bus.subscribe('session.changed', setSession);
    const offStock = ctx.bus.subscribe('stock.changed', ({ reason, items }) =>
      setHeard((list) => [...list, `stock.changed ${reason} ×${items.length}`]),
    );
    return () => {
      offSession();
      offStock();
    };
  }, [ctx.bus]);

  function placeOrder(): void {
    const n = orders + 1;
    setOrders(n);
    ctx.bus.publish('order.created', { orderId: `demo-${n}`, total: '12.50', lineCount: 1 });
  }

  async function askInventory(): Promise<void> {
    setSummary('查询中…');
    try {
      const { productCount, lowStockCount } = await ctx.bus.request('stock.summary', {});
      setSummary(`共 ${productCount} 种商品，${lowStockCount} 种库存不足`);
    } catch (error) {
      setSummary(`查询失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="hello">
      <header>
        <h1>你好，{ctx.user.displayName}</h1>
        <p>
          {ctx.tenant.name} · 角色 {ctx.user.roles.join(', ')} · 协议 {ctx.protocol}
        </p>
      </header>
      <p data-testid="session-from-bus">
        总线会话：{session?.tenant?.id ?? '—'} / {session?.user?.username ?? '—'}
      </p>
      <div className="hello-actions">
        <button type="button" onClick={placeOrder}>
          模拟下单
        </button>
        <button type="button" onClick={() => void askInventory()}>
          查询库存概况
        </button>
        <button type="button" onClick={() => ctx.navigate('/inventory')}>
          打开库存
        </button>
      </div>
      <p data-testid="stock-summary">{summary}</p>
      <ul data-testid="bus-log">
        {heard.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
