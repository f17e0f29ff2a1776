import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * AUTH_SECRET when set; otherwise a random secret kept in the data folder, so `npm run dev` needs no setup.
 * Several app servers on one database must share AUTH_SECRET.
 */
export function authSecret(): string {
  const { AUTH_SECRET, FASTDRAFT_DATA_DIR } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  const file = path.resolve(FASTDRAFT_DATA_DIR, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      // Another worker created it first.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
