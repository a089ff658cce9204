/** The languages the frame speaks; apps get the choice as `ctx.locale` and `locale.changed`. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_LABELS: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

const zh = {
  skipToContent: '跳到主要内容',
  appsNav: '应用',
  userMenu: '用户菜单',
  language: '语言',
  signOut: '退出登录',
  loadingApps: '正在加载应用列表…',
  loadingApp: '正在加载 {app}…',
  appsFailed: '应用列表加载失败',
  appFailed: '{app} 加载失败',
  appCrashed: '{app} 出错了',
  retry: '重试',
  notFoundTitle: '页面不存在',
  notFoundBody: '你能打开的应用里没有 {path}：地址可能有误，或你的角色无权打开这个应用。',
  backHome: '回到首页',
  noApps: '你的角色还没有可以打开的应用。',
  noAppsTitle: '暂无可用应用',
  dismiss: '关闭',
  notifications: '通知',
  signInTitle: '登录',
  tenant: '租户',
  username: '用户名',
  password: '密码',
  signIn: '登录',
  signingIn: '登录中…',
  wrongCredentials: '租户、用户名或密码错误。',
  missingFields: '请填写租户、用户名和密码。',
  rateLimited: '尝试次数过多，请 {seconds} 秒后再试。',
  signInFailed: '登录失败，请稍后再试：{detail}',
  expired: '会话已过期，请重新登录，登录后回到刚才的页面。',
  signedOutElsewhere: '你已在另一个标签页退出登录。',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  skipToContent: 'Skip to main content',
  appsNav: 'Apps',
  userMenu: 'User menu',
  language: 'Language',
  signOut: 'Sign out',
  loadingApps: 'Loading your apps…',
  loadingApp: 'Loading {app}…',
  appsFailed: 'Could not load your apps',
  appFailed: '{app} failed to load',
  appCrashed: '{app} stopped working',
  retry: 'Retry',
  notFoundTitle: 'Page not found',
  notFoundBody:
    'None of the apps you may open lives at {path}: the address may be wrong, or your role may not open this app.',
  backHome: 'Back to home',
  noApps: 'No apps are available for your role yet.',
  noAppsTitle: 'No apps',
  dismiss: 'Dismiss',
  notifications: 'Notifications',
  signInTitle: 'Sign in',
  tenant: 'Tenant',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  wrongCredentials: 'Wrong tenant, username or password.',
  missingFields: 'Fill in tenant, username and password.',
  rateLimited: 'Too many attempts: try again in {seconds} s.',
  signInFailed: 'Sign-in failed, try again later: {detail}',
  expired: 'Your session expired: sign in again to return to the page you were on.',
  signedOutElsewhere: 'You signed out in another tab.',
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

/** The message `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
