import type { NextRequest } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { assertSameOrigin } from '@/lib/api/request-guard';
import { apiErrorResponse } from '@/lib/api/route';
import { handlers } from '@/lib/auth/auth';

export const { GET } = handlers;

// Auth.js checks its own CSRF token too; the origin check is the one every state-changing request gets.
export async function POST(request: NextRequest): Promise<Response> {
  try {
    assertSameOrigin(request);
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    throw error;
  }
  return handlers.POST(request);
}
