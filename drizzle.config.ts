import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations into drizzle/ (`npm run db:generate`); the app applies them itself.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
});
