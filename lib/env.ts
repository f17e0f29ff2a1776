import 'server-only';
import { z } from 'zod';
import { parseProxyList } from '@/lib/auth/proxies';

/** Environment variables, validated once on first use. `.env.example` documents each one. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  FASTDRAFT_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (try `openssl rand -base64 32`)')
    .optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  SHARE_LINK_MAX_MISSES: z.coerce.number().int().min(1).max(100_000).default(20),
  SHARE_LINK_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  // The assistant (lib/agent): any OpenAI-compatible chat completions endpoint; unset = assistant off.
  AI_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:11434/v1' })
    .optional(),
  AI_API_KEY: z.string().min(1).optional(),
  AI_MODEL: z.string().min(1).optional(),
  AI_MAX_STEPS: z.coerce.number().int().min(1).max(50).default(12),
  AI_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(256).max(100_000).default(4096),
  AI_REQUEST_TOKEN_LIMIT: z.coerce.number().int().min(1000).max(10_000_000).default(150_000),
  AI_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  AI_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  AI_TOKENS_PER_DAY: z.coerce.number().int().min(1000).max(1_000_000_000).default(1_000_000),
  // Deployment (README "Deployment settings"): the app's public origin, and the proxies whose
  // X-Forwarded-For is believed (comma-separated IPs or CIDRs; unset = none, the socket address is the client).
  AUTH_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://fastdraft.example.com' })
    .optional(),
  TRUSTED_PROXIES: z
    .string()
    .refine((v) => parseProxyList(v) !== null, 'must be comma-separated IP addresses or CIDR ranges')
    .optional(),
  SIGNUP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  cached = parsed.data;
  return cached;
}
