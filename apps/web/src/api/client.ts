import type { ErrorDetail, ErrorResponse, TokenPairResponse } from '@lcc/contracts';

/** A failed API call, carrying the contract's error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** The message for one field of a form, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.fieldDetail(field)?.message;
  }

  /** The whole detail for one field (its `code`, when there is one, can be said in the reader's language). */
  fieldDetail(field: string): ErrorDetail | undefined {
    return this.details.find((detail) => detail.field === field);
  }
}

type Query = Record<string, string | number | boolean | undefined | null | string[]>;

interface Request {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

let accessToken: string | null = null;
/** Counts session changes, so a refresh that fails after a newer sign-in does not end that newer session. */
let sessionVersion = 0;
let refreshing: Promise<TokenPairResponse | null> | null = null;
const sessionListeners = new Set<(pair: TokenPairResponse | null) => void>();

export function currentAccessToken(): string | null {
  return accessToken;
}

/** Called with every new token pair (sign-in, refresh) and with `null` when the session ends. */
export function onSession(listener: (pair: TokenPairResponse | null) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function setSession(pair: TokenPairResponse | null): void {
  sessionVersion += 1;
  accessToken = pair?.accessToken ?? null;
  for (const listener of sessionListeners) listener(pair);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
  return new ApiError(
    response.status,
    body?.code ?? 'HTTP_ERROR',
    body?.message ?? response.statusText,
    body?.details ?? [],
  );
}

/**
 * Trades the httpOnly refresh cookie for a new pair. Concurrent callers share one request, since a refresh token
 * is single-use (a second use would revoke the whole session family).
 */
export function refreshSession(): Promise<TokenPairResponse | null> {
  const startedAt = sessionVersion;
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
    .then(async (response) => {
      const pair = response.ok ? ((await response.json()) as TokenPairResponse) : null;
      if (pair || sessionVersion === startedAt) setSession(pair);
      return pair;
    })
    .catch(() => null)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function send(path: string, request: Request): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  let body: BodyInit | undefined;
  if (request.body instanceof FormData) body = request.body;
  else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  return fetch(withQuery(`/api${path}`, request.query), {
    method: request.method ?? 'GET',
    headers,
    body,
    signal: request.signal,
    credentials: 'same-origin',
  });
}

/** Calls the API; an expired access token is refreshed once, silently, and the call repeated. */
export async function api<T>(path: string, request: Request = {}): Promise<T> {
  let response = await send(path, request);
  if (response.status === 401 && accessToken && !path.startsWith('/auth/')) {
    if (await refreshSession()) response = await send(path, request);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/**
 * GETs a file the API serves only with the bearer token (a plain link cannot send it): an expired token is renewed
 * once, as `api()` does, and a failure throws the contract's error.
 */
export async function fetchFile(path: string, query?: Query): Promise<Response> {
  let response = await send(path, { query });
  if (response.status === 401 && accessToken && (await refreshSession())) response = await send(path, { query });
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export interface UploadHandle<T> {
  done: Promise<T>;
  cancel(): void;
}

/**
 * A multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). An expired access
 * token is renewed once and the upload started again, as `api()` does.
 */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): UploadHandle<T> {
  let current: XMLHttpRequest | null = null;
  let cancelled = false;
  const attempt = (renewed: boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', `/api${path}`);
      if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const body = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
        if (xhr.status === 401 && !renewed && accessToken) {
          return void refreshSession().then((pair) =>
            pair && !cancelled ? attempt(true).then(resolve, reject) : reject(apiErrorFrom(xhr.status, body)),
          );
        }
        reject(apiErrorFrom(xhr.status, body));
      };
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'network error'));
      xhr.onabort = () => reject(new ApiError(0, 'UPLOAD_CANCELLED', 'cancelled'));
      xhr.send(form);
    });
  return {
    done: attempt(false),
    cancel: () => {
      cancelled = true;
      current?.abort();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body ?? {}) as Partial<ErrorResponse>;
  return new ApiError(status, error.code ?? 'HTTP_ERROR', error.message ?? 'HTTP error', error.details);
}
