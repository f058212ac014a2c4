import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGUAGES = ['en', 'fr', 'ru', 'vi'];
/** The keys of mail.md §7.6 for the templates of this feature, besides the shared ones of `mail.json`. */
const KEYS: Record<string, string[]> = {
  'resource-request': ['mail_subject', 'resource_request', 'accept_request', 'accept', 'decline'],
  'resource-reply': ['mail_subject', 'resource_accept', 'resource_decline', 'accepted', 'declined'],
  'calendar-delegate-created': [
    'mail_subject',
    'mail_body_shared_calendar_title_middle',
    'mail_body_shared_calendar_title_suffix',
    'mail_body_shared_calendar_body_prefix',
    'mail_body_shared_calendar_body_link',
  ],
  'calendar-resource-admin-created': [
    'mail_subject',
    'mail_body_resource_admin_title',
    'mail_body_resource_admin_title_suffix',
    'mail_body_resource_admin_body_prefix',
    'mail_body_resource_admin_body_link',
  ],
};
const PLACEHOLDERS: Record<string, string[]> = {
  'resource-request': ['{resourceName}'],
  'resource-reply': ['{resourceName}', '{resourceStatus}'],
  'calendar-delegate-created': ['{delegatorName}', '{calendarName}'],
  'calendar-resource-admin-created': ['{calendarName}'],
};

const bundle = (language: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../../../i18n', language, 'resources.json'), 'utf8'),
  ) as Record<string, Record<string, string>>;

describe('resource and delegation mail strings (mail.md §7.1, §7.6)', () => {
  it.each(LANGUAGES)('%s has every key, no blank value and the subject placeholders', (language) => {
    const strings = bundle(language);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(KEYS).sort());
    for (const [template, keys] of Object.entries(KEYS)) {
      expect(Object.keys(strings[template]!).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(strings[template]![key]!.trim()).not.toBe('');
      for (const placeholder of PLACEHOLDERS[template]!)
        expect(strings[template]!.mail_subject).toContain(placeholder);
    }
  });

  it('is written in each language, not copied from English', () => {
    const english = bundle('en');
    for (const language of LANGUAGES.filter((other) => other !== 'en')) {
      const strings = bundle(language);
      for (const [template, keys] of Object.entries(KEYS))
        for (const key of keys.filter((candidate) =>
          /[a-z]{3}/i.test(english[template]![candidate]!.replace(/\{\w+\}/g, '')),
        ))
          expect(`${template}.${key}: ${strings[template]![key]}`).not.toBe(
            `${template}.${key}: ${english[template]![key]}`,
          );
    }
  });
});
