import type { Dictionaries } from '@mosaic/shared-components';
import { shellMessages } from '../i18n/messages.js';

// The settings screen's own strings travel in its lazy chunk, not in the shell's first load;
// merged over the frame's dictionaries, they go through the same I18nProvider.
const zh = {
  rolesSettingsIntro: '选择每个角色可以打开的应用。改动在该角色的用户下次切换页面时生效。',
  rolesFailed: '角色加载失败',
  rolesFailedBody: '请检查网络连接后重试。如果一直失败，请把请求 ID 告诉客服。',
  rolesEmptyTitle: '还没有应用',
  rolesEmpty: '这个租户还没有发布任何应用，发布后可以在这里为角色开通。',
  roleColumn: '角色',
  roleOwner: '店主',
  roleClerk: '店员',
  roleKeeper: '库管',
  ownerAlways: '店主始终可以打开所有应用和设置。',
  notBuiltLegend: '虚线框：应用不是为这个角色制作的，需要应用团队先发布支持该角色的版本。',
  notBuiltForRole: '{app} 不是为这个角色制作的',
  grantToggle: '{role} 可以打开 {app}',
  requestIdLabel: '请求 ID',
  grantFailed: '没有保存：{role} 与 {app} 的设置已恢复原样。{detail}',
};

export type RolesMessageKey = keyof typeof zh;

const en: Record<RolesMessageKey, string> = {
  rolesSettingsIntro:
    "Choose which apps each role may open. A change reaches the role's users on their next page change.",
  rolesFailed: 'Could not load the roles',
  rolesFailedBody:
    'Check your internet connection and try again. If it keeps failing, give the request ID to support.',
  rolesEmptyTitle: 'No apps yet',
  rolesEmpty: 'This tenant has no published apps yet; once there are, you can grant them here.',
  roleColumn: 'Role',
  roleOwner: 'Owner',
  roleClerk: 'Clerk',
  roleKeeper: 'Keeper',
  ownerAlways: 'The owner always opens every app and the settings.',
  notBuiltLegend:
    'Dashed outline: the app is not built for that role; its team must publish a version for it first.',
  notBuiltForRole: '{app} is not built for this role',
  grantToggle: '{role} may open {app}',
  requestIdLabel: 'Request ID',
  grantFailed: 'Not saved: {role} and {app} are back as they were. {detail}',
};

/** The frame's dictionaries plus this screen's. */
export const rolesMessages: Dictionaries = {
  ...shellMessages,
  'zh-CN': { ...shellMessages['zh-CN'], ...zh },
  en: { ...shellMessages.en, ...en },
};
