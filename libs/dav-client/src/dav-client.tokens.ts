export const DAV_CONFIG = Symbol('DAV_CONFIG');
