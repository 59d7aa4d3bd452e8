import type { z } from 'zod';
import { ErrorBodySchema } from '../../contracts/errors';
import { ApiError } from './errors';

/** GETs a JSON resource and checks it against its contract schema. */
export async function apiGet<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      'Custos cannot be reached. Check your connection and try again.',
      0,
      'network',
    );
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, requestId, details } = parsed.data.error;
      throw new ApiError(message, res.status, code, requestId, details);
    }
    throw new ApiError(`The server answered ${res.status}.`, res.status, 'internal');
  }
  return schema.parse(body);
}
