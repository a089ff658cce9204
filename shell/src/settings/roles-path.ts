/** The owner's roles & apps settings screen (its code is a lazy chunk, roles-settings.tsx). */
export const ROLES_SETTINGS_PATH = '/settings/roles';
