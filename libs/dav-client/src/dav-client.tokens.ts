export const DAV_CONFIG = Symbol('DAV_CONFIG');
/** Keep-alive connection pool towards the DAV server, closed at shutdown. */
export const DAV_HTTP_AGENT = Symbol('DAV_HTTP_AGENT');
