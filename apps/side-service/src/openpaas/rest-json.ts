/** The media type the original writes on most JSON answers (rest-api.md §5), without a space. */
export const JSON_UTF8 = 'application/json;charset=utf-8';

export const CACHE_ONE_MINUTE = 'max-age=60, public';
export const CACHE_HALF_HOUR = 'max-age=1800, public';
export const CACHE_ONE_DAY = 'public, max-age=86400';
export const CACHE_ONE_WEEK = 'public, max-age=604800';
