import { ApiError, session, urlOf, type RequestOptions } from './http';

/**
 * A file upload with progress (fetch cannot report upload progress; XHR can),
 * as multipart form data, with the in-memory access token.
 */
export async function uploadWithProgress<T>(path: string, file: File, query: RequestOptions['query'], onProgress: (ratio: number) => void): Promise<T> {
  const token = session.isFresh() ? session.accessToken : await session.refreshNow();
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', urlOf(path, query));
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'the upload did not reach the server'));
    request.onload = () => {
      let body: { code?: string; message?: string; details?: unknown } | undefined;
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiError(request.status, body?.code ?? 'HTTP_ERROR', body?.message ?? `upload failed (${request.status})`, body?.details));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
