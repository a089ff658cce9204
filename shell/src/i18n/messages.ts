import type { Dictionaries, PluralMessage } from '@mosaic/shared-components';

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
  appsFailedBody: '请检查网络连接后重试。如果一直失败，请把请求 ID 告诉客服。',
  appFailed: '{app} 无法打开',
  appFailedBody: '请点“重试”：系统会先检查有没有修好的新版本。如果一直失败，请把请求 ID 告诉客服。',
  canaryFellBack: '{app} 的新版本打不开，已为你打开稳定版 {version}。',
  appDownloadFailed: '{app} 下载失败',
  appDownloadFailedBody: '请检查网络连接后点“重试”。如果一直失败，请把请求 ID 告诉客服。',
  appCrashed: '{app} 出错了',
  appCrashedBody: '请点“重试”重新打开它，其他应用不受影响。如果一直出错，请把请求 ID 告诉客服。',
  appOutdated: '{app} 需要更新才能使用',
  appOutdatedBody:
    '{app} 是为另一版本的系统制作的（协议 {appProtocol}，本系统为 {shellProtocol}）。需要由 {app} 的开发团队重新构建并发布，重试无法解决。其他应用照常可用。',
  notFoundTitle: '页面不存在',
  notFoundBody: '你能打开的应用里没有 {path}：地址可能有误，或你的角色无权打开这个应用。',
  backHome: '回到首页',
  roleDeniedTitle: '你的角色不能打开 {app}',
  roleDeniedBody: '店主可以在“角色与应用”里为你的角色开通 {app}。请联系你的店主。',
  rolesSettings: '角色与应用',
  rolesLoading: '正在加载角色…',
  overrideRoleRefused:
    '未生效：你的角色不能打开 {app}，开发覆盖不会扩大角色的权限。店主可以在“角色与应用”里开通。',
  restoringSession: '正在恢复会话…',
  serverUnreachable: '无法连接服务器',
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
  rateLimited: { other: '尝试次数过多，请 {count} 秒后再试。' },
  signInFailed: '登录失败，请稍后再试：{detail}',
  expired: '会话已过期，请重新登录，登录后回到刚才的页面。',
  signedOutElsewhere: '你已在另一个标签页退出登录。',
} satisfies Record<string, string | PluralMessage>;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string | PluralMessage> = {
  skipToContent: 'Skip to main content',
  appsNav: 'Apps',
  userMenu: 'User menu',
  language: 'Language',
  signOut: 'Sign out',
  loadingApps: 'Loading your apps…',
  loadingApp: 'Loading {app}…',
  appsFailed: 'Could not load your apps',
  appsFailedBody:
    'Check your internet connection and try again. If it keeps failing, give the request ID to support.',
  appFailed: '{app} could not open',
  appFailedBody:
    'Press Retry: Mosaic first checks for a fixed version. If it keeps failing, give the request ID to support.',
  canaryFellBack:
    'The new version of {app} did not open, so you have the stable version {version}.',
  appDownloadFailed: '{app} could not be downloaded',
  appDownloadFailedBody:
    'Check your internet connection, then press Retry. If it keeps failing, give the request ID to support.',
  appCrashed: '{app} stopped working',
  appCrashedBody:
    'Press Retry to open it again; your other apps are not affected. If it keeps happening, give the request ID to support.',
  appOutdated: '{app} needs an update',
  appOutdatedBody:
    '{app} was made for another version of Mosaic (protocol {appProtocol}, this system speaks {shellProtocol}). The team that makes {app} must rebuild and publish it; retrying will not help. Your other apps work as usual.',
  notFoundTitle: 'Page not found',
  notFoundBody:
    'None of the apps you may open lives at {path}: the address may be wrong, or your role may not open this app.',
  backHome: 'Back to home',
  roleDeniedTitle: 'Your role may not open {app}',
  roleDeniedBody: "The owner can grant {app} to your role in Roles & apps. Ask your shop's owner.",
  rolesSettings: 'Roles & apps',
  rolesLoading: 'Loading roles…',
  overrideRoleRefused:
    'Not used: your role may not open {app}, and an override never widens a role. The owner can grant it in Roles & apps.',
  restoringSession: 'Restoring your session…',
  serverUnreachable: 'Cannot reach the server',
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
  rateLimited: {
    one: 'Too many attempts: try again in {count} second.',
    other: 'Too many attempts: try again in {count} seconds.',
  },
  signInFailed: 'Sign-in failed, try again later: {detail}',
  expired: 'Your session expired: sign in again to return to the page you were on.',
  signedOutElsewhere: 'You signed out in another tab.',
};

/** The frame's strings, in the UI kit's i18n (which adds its own `kit.*` strings). */
export const shellMessages: Dictionaries = { 'zh-CN': zh, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
