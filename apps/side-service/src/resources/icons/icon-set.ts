import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Every icon name the original serves (rest-api.md §5.6) → the Material Design Icons glyph (`@mdi/svg`, the
 * maintained community set) drawn under that name. Most names are MDI names; the few that come from Google's
 * Material Icons (`meeting-room`, `people-alt`…) use the closest MDI glyph.
 */
export const ICON_GLYPHS: Readonly<Record<string, string>> = {
  'access-point': 'access-point',
  battery: 'battery',
  briefcase: 'briefcase',
  calculator: 'calculator',
  'calendar-month': 'calendar-month',
  camera: 'camera',
  car: 'car',
  caravan: 'caravan',
  cellphone: 'cellphone',
  coffee: 'coffee',
  'credit-card': 'credit-card',
  description: 'file-document',
  deskphone: 'deskphone',
  fax: 'fax',
  'guitar-acoustic': 'guitar-acoustic',
  home: 'home',
  kettle: 'kettle',
  laptop: 'laptop',
  layers: 'layers',
  'meeting-room': 'door-open',
  microphone: 'microphone',
  motorbike: 'motorbike',
  office: 'office-building',
  parking: 'parking',
  'people-alt': 'account-multiple',
  'phone-iphone': 'cellphone',
  phone: 'phone',
  projector: 'projector',
  radio: 'radio',
  remote: 'remote',
  soccer: 'soccer',
  sofa: 'sofa',
  tablet: 'tablet',
  train: 'train',
  tv: 'television',
  umbrella: 'umbrella',
  'video-camera-back': 'camera-rear',
  video: 'video',
  'view-comfy-alt': 'view-comfy',
  wifi: 'wifi',
};

/** The SVG files of `@mdi/svg`, read once at start-up (a missing glyph stops the boot). */
function loadIcons(): Record<string, string> {
  const folder = join(dirname(require.resolve('@mdi/svg/package.json')), 'svg');
  return Object.fromEntries(
    Object.entries(ICON_GLYPHS).map(([name, glyph]) => [
      name,
      readFileSync(join(folder, `${glyph}.svg`), 'utf8').trim(),
    ]),
  );
}

export const ICONS: Readonly<Record<string, string>> = loadIcons();
