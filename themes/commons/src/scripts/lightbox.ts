/**
 * The photo viewer behind Lightbox.astro, loaded on the first click on a thumbnail. It shows the
 * photo a thumbnail links to, with the thumbnail's description and the figure's caption, and
 * moves through the gallery with its buttons or the arrow keys. The dialog is modal, so focus
 * stays in it; Escape closes it (natively) and focus returns to the current photo's thumbnail.
 */

interface Viewer {
  links: HTMLAnchorElement[];
  index: number;
}

const viewers = new WeakMap<HTMLDialogElement, Viewer>();

function part<T extends Element>(dialog: HTMLDialogElement, name: string): T {
  return dialog.querySelector<T>(`[data-lightbox-${name}]`)!;
}

function show(dialog: HTMLDialogElement, viewer: Viewer, index: number): void {
  const count = viewer.links.length;
  viewer.index = (index + count) % count;
  const link = viewer.links[viewer.index]!;
  const image = document.createElement('img');
  image.src = link.href;
  image.alt = link.querySelector('img')?.alt ?? '';
  if (link.dataset.width && link.dataset.height) {
    image.width = Number(link.dataset.width);
    image.height = Number(link.dataset.height);
  }
  part(dialog, 'frame').replaceChildren(image);
  const caption = part<HTMLElement>(dialog, 'caption');
  caption.textContent = link.closest('figure')?.querySelector('figcaption')?.textContent?.trim() ?? '';
  caption.hidden = !caption.textContent;
  const place: Record<string, number> = { current: viewer.index + 1, total: count };
  part(dialog, 'position').textContent = (dialog.dataset.position ?? '{current} / {total}').replace(/\{(current|total)\}/g, (_, name: string) =>
    String(place[name]),
  );
  const single = count < 2;
  part<HTMLButtonElement>(dialog, 'previous').hidden = single;
  part<HTMLButtonElement>(dialog, 'next').hidden = single;
}

/** Wires the dialog's buttons and keys, once. */
function setUp(dialog: HTMLDialogElement): Viewer {
  const viewer: Viewer = { links: [], index: 0 };
  const step = (by: number) => show(dialog, viewer, viewer.index + by);
  part(dialog, 'close').addEventListener('click', () => dialog.close());
  part(dialog, 'previous').addEventListener('click', () => step(-1));
  part(dialog, 'next').addEventListener('click', () => step(1));
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const forward = (event.key === 'ArrowRight') !== (getComputedStyle(dialog).direction === 'rtl');
    step(forward ? 1 : -1);
  });
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    part(dialog, 'frame').replaceChildren();
    viewer.links[viewer.index]?.focus();
  });
  viewers.set(dialog, viewer);
  return viewer;
}

/** Opens the viewer on the photo `link` leads to, within `link`'s gallery. */
export function openLightbox(dialog: HTMLDialogElement, link: HTMLAnchorElement): void {
  const viewer = viewers.get(dialog) ?? setUp(dialog);
  const gallery = link.closest('[data-gallery]');
  viewer.links = gallery ? [...gallery.querySelectorAll<HTMLAnchorElement>('a')] : [link];
  show(dialog, viewer, viewer.links.indexOf(link));
  if (!dialog.open) dialog.showModal();
}
