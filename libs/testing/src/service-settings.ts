/** The settings every boot of the service requires, with values for tests and benchmarks on the local stack. */
export const TEST_SERVICE_SETTINGS: Readonly<Record<string, string>> = {
  SELF_URL: 'http://127.0.0.1:18080',
  SPA_CALENDAR_URL: 'http://127.0.0.1:19900/calendar',
  SPA_CONTACTS_URL: 'http://127.0.0.1:19900/contacts',
  SPA_EXCAL_URL: 'http://127.0.0.1:19900/excal',
  VISIO_URL: 'https://visio.example.test',
  DAV_ADMIN_USER: 'admin',
  DAV_ADMIN_PASSWORD: 'dav-admin-secret',
  ADMIN_USERNAME: 'admin@twake.test',
  ADMIN_PASSWORD: 'admin-secret',
  MAIL_SENDER: 'no-reply@twake.test',
};
