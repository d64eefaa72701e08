import { defineRouting } from 'next-intl/routing';

/** Chinese is the default and lives under /zh; English under /en. */
export const routing = defineRouting({
  locales: ['zh', 'en'],
  defaultLocale: 'zh',
  localePrefix: 'always',
});

export type Locale = (typeof routing.locales)[number];
