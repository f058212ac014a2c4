import { languageSetting } from './language-setting';

describe('languageSetting', () => {
  const entry = (module: string, key: string, value: unknown) => ({ module, key, value });

  it('reads core.language, trimmed', () => {
    expect(languageSetting([entry('core', 'datetime', {}), entry('core', 'language', ' fr ')], 'en')).toBe(
      'fr',
    );
  });

  it.each([
    ['absent', []],
    ['blank', [entry('core', 'language', '  ')]],
    ['not a string', [entry('core', 'language', 7)]],
    ['null', [entry('core', 'language', null)]],
    ['in another module', [entry('calendar', 'language', 'vi')]],
  ])('falls back when the setting is %s', (_label, entries) => {
    expect(languageSetting(entries, 'ru')).toBe('ru');
  });
});
