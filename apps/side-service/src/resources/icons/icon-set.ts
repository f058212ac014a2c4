/**
 * The resource icons (rest-api.md §5.6), drawn for this service in a Material-like style: 24×24, one solid colour.
 * Kept as code so that the build ships them without an asset step.
 */
const svg = (body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="#5f6368">${body}</svg>`;

const ring = (cx: number, cy: number, r: number, width = 2) =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#5f6368" stroke-width="${width}"/>`;
const line = (x1: number, y1: number, x2: number, y2: number, width = 2) =>
  `<path d="M${x1} ${y1}L${x2} ${y2}" stroke="#5f6368" stroke-width="${width}" stroke-linecap="round"/>`;
const frame = (x: number, y: number, w: number, h: number, r = 2, width = 2) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="none" stroke="#5f6368" stroke-width="${width}"/>`;

export const ICONS: Readonly<Record<string, string>> = {
  'access-point': svg(
    `<circle cx="12" cy="12" r="2"/>` +
      `<path d="M7.8 16.2a6 6 0 0 1 0-8.4M16.2 7.8a6 6 0 0 1 0 8.4M5 19a10 10 0 0 1 0-14M19 5a10 10 0 0 1 0 14" fill="none" stroke="#5f6368" stroke-width="2" stroke-linecap="round"/>`,
  ),
  battery: svg(
    `<rect x="10" y="2" width="4" height="2"/>${frame(7, 4, 10, 18, 1.5)}<rect x="9" y="12" width="6" height="8"/>`,
  ),
  briefcase: svg(
    `${frame(3, 7, 18, 13)}<path d="M9 7V5h6v2" fill="none" stroke="#5f6368" stroke-width="2"/>${line(3, 12, 21, 12)}`,
  ),
  calculator: svg(
    `${frame(5, 2, 14, 20)}<rect x="7.5" y="4.5" width="9" height="4"/>` +
      `<circle cx="9" cy="12" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="15" cy="12" r="1.2"/>` +
      `<circle cx="9" cy="15.5" r="1.2"/><circle cx="12" cy="15.5" r="1.2"/><circle cx="15" cy="15.5" r="1.2"/>` +
      `<circle cx="9" cy="19" r="1.2"/><circle cx="12" cy="19" r="1.2"/><circle cx="15" cy="19" r="1.2"/>`,
  ),
  'calendar-month': svg(
    `${frame(3, 5, 18, 16)}<rect x="3" y="5" width="18" height="4"/>${line(8, 3, 8, 6)}${line(16, 3, 16, 6)}` +
      `<rect x="6" y="12" width="3" height="2.5"/><rect x="10.5" y="12" width="3" height="2.5"/><rect x="15" y="12" width="3" height="2.5"/>` +
      `<rect x="6" y="16" width="3" height="2.5"/><rect x="10.5" y="16" width="3" height="2.5"/>`,
  ),
  camera: svg(
    `<path d="M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z"/><circle cx="12" cy="13" r="4" fill="#fff"/><circle cx="12" cy="13" r="2.5"/>`,
  ),
  car: svg(
    `<path d="M5 11l2-5h10l2 5h1a1 1 0 0 1 1 1v5h-2v2h-3v-2H8v2H5v-2H3v-5a1 1 0 0 1 1-1z"/>` +
      `<path d="M7.5 10.5l1.2-3h6.6l1.2 3z" fill="#fff"/><circle cx="7" cy="14" r="1.5" fill="#fff"/><circle cx="17" cy="14" r="1.5" fill="#fff"/>`,
  ),
  caravan: svg(
    `<path d="M3 6h13a4 4 0 0 1 4 4v7h2v2H3z"/><rect x="5" y="8.5" width="5" height="4" fill="#fff"/><rect x="12" y="8.5" width="3" height="8" fill="#fff"/><circle cx="8" cy="19" r="2.2" fill="#fff" stroke="#5f6368" stroke-width="1.5"/>`,
  ),
  cellphone: svg(`${frame(6, 2, 12, 20, 2)}${line(10, 18.5, 14, 18.5, 1.5)}`),
  coffee: svg(
    `<path d="M4 8h12v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z"/><path d="M16 10h2a2 2 0 0 1 0 4h-2" fill="none" stroke="#5f6368" stroke-width="2"/>${line(3, 21, 17, 21)}${line(8, 3, 8, 5.5, 1.5)}${line(12, 3, 12, 5.5, 1.5)}`,
  ),
  'credit-card': svg(`${frame(2, 5, 20, 14)}<rect x="2" y="8" width="20" height="3"/>${line(5, 15, 10, 15)}`),
  description: svg(
    `<path d="M6 2h8l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z"/><path d="M14 2v5h5" fill="#fff" opacity=".5"/>${line(8, 12, 16, 12, 1.5).replace('#5f6368', '#fff')}${line(8, 15, 16, 15, 1.5).replace('#5f6368', '#fff')}${line(8, 18, 13, 18, 1.5).replace('#5f6368', '#fff')}`,
  ),
  deskphone: svg(
    `<rect x="8" y="3" width="13" height="18" rx="2"/><rect x="3" y="5" width="4" height="14" rx="2"/><rect x="10.5" y="5.5" width="8" height="4" fill="#fff"/><circle cx="12" cy="13" r="1" fill="#fff"/><circle cx="15" cy="13" r="1" fill="#fff"/><circle cx="18" cy="13" r="1" fill="#fff"/><circle cx="12" cy="17" r="1" fill="#fff"/><circle cx="15" cy="17" r="1" fill="#fff"/><circle cx="18" cy="17" r="1" fill="#fff"/>`,
  ),
  fax: svg(
    `<rect x="7" y="2" width="10" height="7"/><rect x="3" y="9" width="18" height="11" rx="2"/><rect x="7" y="15" width="10" height="7" fill="#fff" stroke="#5f6368" stroke-width="2"/><circle cx="17.5" cy="12" r="1" fill="#fff"/>`,
  ),
  'guitar-acoustic': svg(
    `<path d="M19.5 2.5l2 2-6.8 6.8a4 4 0 0 1-1.1 5.4 3.5 3.5 0 0 1-1.6 3.6c-2 1.4-5 1-6.9-.9s-2.3-4.9-.9-6.9a3.5 3.5 0 0 1 3.6-1.6 4 4 0 0 1 5.4-1.1z"/><circle cx="10" cy="14" r="1.6" fill="#fff"/>`,
  ),
  home: svg(`<path d="M12 3l9 8h-3v9h-5v-6h-2v6H6v-9H3z"/>`),
  kettle: svg(
    `<path d="M6 9h10l1 10a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2z"/><path d="M16 11l4-3" stroke="#5f6368" stroke-width="2" stroke-linecap="round"/><path d="M7 9a5 5 0 0 1 8 0" fill="none" stroke="#5f6368" stroke-width="2"/><rect x="9.5" y="3" width="3" height="2" rx="1"/>`,
  ),
  laptop: svg(
    `<rect x="4" y="4" width="16" height="11" rx="1"/><rect x="6" y="6" width="12" height="7" fill="#fff"/><path d="M2 17h20v1a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z"/>`,
  ),
  layers: svg(
    `<path d="M12 3l9 6-9 6-9-6z"/><path d="M3 13.5l9 6 9-6" fill="none" stroke="#5f6368" stroke-width="2" stroke-linejoin="round"/>`,
  ),
  'meeting-room': svg(
    `<path d="M14 5h5v14h2v2h-7z"/><path d="M3 19h2V3h9v18H3z"/><circle cx="11.5" cy="12" r="1.2" fill="#fff"/>`,
  ),
  microphone: svg(
    `<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0" fill="none" stroke="#5f6368" stroke-width="2"/>${line(12, 17.5, 12, 21)}${line(9, 21, 15, 21)}`,
  ),
  motorbike: svg(
    `${ring(5.5, 16, 3.5)}${ring(18.5, 16, 3.5)}<path d="M5.5 16l4-6h5l4 6M12 10l-1.5-4H8M14 6h3l1.5 4" fill="none" stroke="#5f6368" stroke-width="2" stroke-linejoin="round"/>`,
  ),
  office: svg(
    `<path d="M3 21V5l9-3v19zM13 21V8h8v13z"/><rect x="5.5" y="7" width="2" height="2" fill="#fff"/><rect x="8.5" y="7" width="2" height="2" fill="#fff"/><rect x="5.5" y="11" width="2" height="2" fill="#fff"/><rect x="8.5" y="11" width="2" height="2" fill="#fff"/><rect x="5.5" y="15" width="2" height="2" fill="#fff"/><rect x="8.5" y="15" width="2" height="2" fill="#fff"/><rect x="15.5" y="11" width="3" height="2" fill="#fff"/><rect x="15.5" y="15" width="3" height="2" fill="#fff"/>`,
  ),
  parking: svg(
    `<rect x="3" y="3" width="18" height="18" rx="3"/><path d="M9.5 17V7h3.5a3 3 0 0 1 0 6H9.5" fill="none" stroke="#fff" stroke-width="2.2"/>`,
  ),
  'people-alt': svg(
    `<circle cx="9" cy="8" r="3.5"/><path d="M2 20c0-3.5 3-6 7-6s7 2.5 7 6z"/><circle cx="16.5" cy="8.5" r="3"/><path d="M17 14c3 .3 5 2.5 5 6h-4c0-2.4-.8-4.4-1-6z"/>`,
  ),
  'phone-iphone': svg(
    `<rect x="6.5" y="1.5" width="11" height="21" rx="2.5"/><rect x="8.5" y="4.5" width="7" height="13" fill="#fff"/><circle cx="12" cy="19.8" r="1" fill="#fff"/>`,
  ),
  phone: svg(
    `<path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"/>`,
  ),
  projector: svg(
    `<rect x="2" y="8" width="20" height="9" rx="2"/><circle cx="16" cy="12.5" r="3" fill="#fff"/><circle cx="16" cy="12.5" r="1.6"/><rect x="4.5" y="11" width="5" height="1.5" fill="#fff"/><rect x="4" y="17" width="3" height="2"/><rect x="17" y="17" width="3" height="2"/>`,
  ),
  radio: svg(
    `<path d="M4 7l13-4 .6 1.9L8.5 7H20a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z"/><circle cx="8" cy="15" r="2.8" fill="#fff"/><rect x="13" y="10" width="6" height="2" fill="#fff"/><rect x="13" y="14" width="6" height="2" fill="#fff"/>`,
  ),
  remote: svg(
    `<rect x="8" y="2" width="8" height="20" rx="3"/><circle cx="12" cy="7" r="2" fill="#fff"/><circle cx="10.5" cy="12" r=".9" fill="#fff"/><circle cx="13.5" cy="12" r=".9" fill="#fff"/><circle cx="10.5" cy="15" r=".9" fill="#fff"/><circle cx="13.5" cy="15" r=".9" fill="#fff"/>`,
  ),
  soccer: svg(
    `<circle cx="12" cy="12" r="10"/><path d="M12 7.5l3.4 2.5-1.3 4h-4.2l-1.3-4z" fill="#fff"/><path d="M12 2v5.5M15.4 10l4.9-1.6M14.1 14l3 4.2M9.9 14l-3 4.2M8.6 10L3.7 8.4" stroke="#fff" stroke-width="1.2"/>`,
  ),
  sofa: svg(
    `<path d="M5 6h14a2 2 0 0 1 2 2v2.2a2.5 2.5 0 0 0-2 2.4V14H5v-1.4a2.5 2.5 0 0 0-2-2.4V8a2 2 0 0 1 2-2z"/><path d="M1 13a2 2 0 0 1 4 0v3h14v-3a2 2 0 0 1 4 0v5a1 1 0 0 1-1 1h-1v1h-3v-1H7v1H4v-1H2a1 1 0 0 1-1-1z"/>`,
  ),
  tablet: svg(
    `<rect x="3" y="2" width="18" height="20" rx="2"/><rect x="5" y="4" width="14" height="14" fill="#fff"/><circle cx="12" cy="20" r="1" fill="#fff"/>`,
  ),
  train: svg(
    `<path d="M6 3h12a2 2 0 0 1 2 2v10a3 3 0 0 1-3 3l1.5 2v1H16l-2-3h-4l-2 3H5.5v-1L7 18a3 3 0 0 1-3-3V5a2 2 0 0 1 2-2z"/><rect x="6" y="5.5" width="12" height="5" fill="#fff"/><circle cx="8" cy="14.5" r="1.4" fill="#fff"/><circle cx="16" cy="14.5" r="1.4" fill="#fff"/>`,
  ),
  tv: svg(
    `<rect x="2" y="4" width="20" height="13" rx="2"/><rect x="4" y="6" width="16" height="9" fill="#fff"/>${line(8, 21, 16, 21)}${line(12, 17, 12, 21)}`,
  ),
  umbrella: svg(
    `<path d="M12 2a10 10 0 0 1 10 10H2A10 10 0 0 1 12 2z"/><path d="M12 12v7a2 2 0 0 1-4 0" fill="none" stroke="#5f6368" stroke-width="2" stroke-linecap="round"/>`,
  ),
  'video-camera-back': svg(
    `<path d="M3 6h12a1 1 0 0 1 1 1v3.5l5-3.5v10l-5-3.5V17a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z"/><path d="M4.5 15.5l3-4 2.2 2.8 1.6-2 2.2 3.2z" fill="#fff"/>`,
  ),
  video: svg(
    `<path d="M3 6h12a1 1 0 0 1 1 1v3.5l5-3.5v10l-5-3.5V17a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z"/>`,
  ),
  'view-comfy-alt': svg(
    `<rect x="3" y="3" width="8" height="8" rx="1.5"/><rect x="13" y="3" width="8" height="8" rx="1.5"/><rect x="3" y="13" width="8" height="8" rx="1.5"/><rect x="13" y="13" width="8" height="8" rx="1.5"/>`,
  ),
  wifi: svg(
    `<path d="M1.5 9a15 15 0 0 1 21 0l-2 2a12 12 0 0 0-17 0zM5.5 13a9.5 9.5 0 0 1 13 0l-2 2a6.5 6.5 0 0 0-9 0z"/><circle cx="12" cy="18.5" r="2.2"/>`,
  ),
};
