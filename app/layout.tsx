import type { ReactNode } from 'react';
import './globals.css';

// The real root layout (with <html lang>) is app/[locale]/layout.tsx; this one only exists so that
// app/not-found.tsx and the locale-less routes (embeds, API) have a parent.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
