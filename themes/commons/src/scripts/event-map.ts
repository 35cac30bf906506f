/// <reference types="vite/client" />
/**
 * The map of an event (EventMap.astro), loaded when a visitor presses "Show map": Leaflet with
 * OpenStreetMap's tiles and a marker named after the place. The map is a labelled region that
 * takes keyboard focus; arrow keys pan and + and - zoom (Leaflet's keyboard handler).
 */
import { icon, latLng, map as leafletMap, marker, tileLayer } from 'leaflet';
import stylesheet from 'leaflet/dist/leaflet.css?url';
import iconUrl from 'leaflet/dist/images/marker-icon.png?url';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png?url';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png?url';

const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

// Leaflet finds its default marker images from its stylesheet's URL, which a bundle moves.
const markerIcon = icon({ iconUrl, iconRetinaUrl, shadowUrl, iconSize: [25, 41], iconAnchor: [12, 41], tooltipAnchor: [14, -28], shadowSize: [41, 41] });

/**
 * Leaflet's stylesheet, added once. It is linked rather than imported so that the loader in
 * EventMap.astro stays a plain dynamic import, without Vite's preload helper on every event page.
 */
function loadStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${stylesheet}"]`)) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
  const loaded = new Promise<void>((resolve) => link.addEventListener('load', () => resolve(), { once: true }));
  document.head.append(link);
  return loaded;
}

/** Draws the map inside `container` (which holds its position and labels) and returns the map's element. */
export async function showEventMap(container: HTMLElement): Promise<HTMLElement> {
  await loadStylesheet();
  const { latitude, longitude, label, regionLabel } = container.dataset;
  const element = document.createElement('div');
  element.className = 'event-map__map';
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', regionLabel ?? '');
  container.append(element);
  const position = latLng(Number(latitude), Number(longitude));
  // The page scrolls under the wheel; zoom is on the buttons and the keyboard. Leaflet's zoom and
  // fade animations wait for CSS transitions, so they are turned off here rather than in CSS.
  const animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = leafletMap(element, {
    center: position,
    zoom: 16,
    scrollWheelZoom: false,
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
  });
  tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
  const name = label || regionLabel || '';
  // Leaflet writes a string tooltip as HTML; the place's name is text from content, so the
  // tooltip is an element holding it as text. The marker's alt and title are set as properties.
  const tooltip = Object.assign(document.createElement('span'), { textContent: name });
  marker(position, { icon: markerIcon, alt: name, title: name, keyboard: false }).bindTooltip(tooltip, { permanent: true, direction: 'right' }).addTo(map);
  return element;
}
