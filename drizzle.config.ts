import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes SQL migrations from db/schema.ts; they run on PGlite and PostgreSQL alike. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
