import { notFound } from 'next/navigation';

// Any path under a locale that no route matches: the localized 404 (app/[locale]/not-found.tsx) with status 404.
export default function CatchAll(): never {
  notFound();
}
