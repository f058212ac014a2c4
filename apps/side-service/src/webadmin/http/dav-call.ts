import { DavRequestError, DavUnavailableError } from '@app/dav-client';
import { WebadminError } from './webadmin-error';

export const DAV_ERROR_MESSAGE = 'Error while calling the DAV server';

/** A DAV failure answers 500 `Error while calling the DAV server` (webadmin.md §9, §10), the cause in `details`. */
export async function davCall<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof DavRequestError || error instanceof DavUnavailableError)
      throw new WebadminError(500, 'ServerError', DAV_ERROR_MESSAGE, error.message);
    throw error;
  }
}
