/**
 * The commons theme's CMS previews: each collection's entry drawn with the theme's own markup
 * and classes (the layouts in ../layouts and ../components), styled by the site's real
 * stylesheets, so an editor sees the page as visitors will. Named in package.json as
 * `openoutreach.cmsPreview`; the CMS calls the default export once, on /admin/.
 */
import type { CmsPreviews, Element, ImmutableValue, PreviewProps } from '@openoutreach/cms/preview';

export default function registerPreviews(cms: CmsPreviews): void {
  const { h } = cms;
  const data = (entry: ImmutableValue, ...path: string[]) => entry.getIn(['data', ...path]) as string | undefined;
  const list = (value: unknown): unknown[] => (value && typeof (value as ImmutableValue).toArray === 'function' ? (value as ImmutableValue).toArray!() : []);

  const imageOf = ({ entry, getAsset }: PreviewProps, field: string): Element => {
    const src = data(entry, field, 'src');
    if (!src) return null;
    return h('img', { className: 'page__hero', src: getAsset(src).toString(), alt: data(entry, field, 'alt') ?? '' });
  };
  const frame = (children: unknown): Element => h('main', { id: 'main' }, h('div', { className: 'container' }, children));
  const header = (title: unknown, lead: unknown, leadClass = 'lead', extra: Element = null): Element =>
    h('header', { className: 'page__header', key: 'header' }, [
      h('h1', { key: 'title' }, title),
      extra,
      lead ? h('p', { className: leadClass, key: 'lead' }, lead) : null,
    ]);
  const body = (props: PreviewProps, className = 'prose'): Element => h('div', { className, key: 'body' }, props.widgetFor('body'));

  const BLOCK_CLASSES: Record<string, string> = {
    'call-to-action': 'home-cta',
    figures: 'home-figures',
    'text-with-image': 'home-text-image',
    donate: 'home-donate',
  };

  /**
   * A home page block as HomeBlocks.astro shows it, near enough for editing: figures, calls to
   * action and texts in full; lists of news, events and projects as their heading and a note.
   */
  const blockPreview = (block: ImmutableValue, index: number): Element => {
    const type = (block.get('type') as string | undefined) ?? 'block';
    const heading = block.get('heading');
    const children: Element[] = [heading ? h('h2', { key: 'heading' }, heading) : null];
    if (type === 'figures') {
      children.push(
        h(
          'ul',
          { className: 'home-figures__list', key: 'items' },
          list(block.get('items')).map((item, position) =>
            h('li', { className: 'home-figures__item', key: position }, [
              h('span', { className: 'home-figures__value', key: 'value' }, (item as ImmutableValue).get('value')),
              h('span', { className: 'home-figures__label', key: 'label' }, (item as ImmutableValue).get('label')),
            ]),
          ),
        ),
      );
    } else if (type === 'call-to-action' || type === 'donate') {
      if (block.get('text')) children.push(h('p', { key: 'text' }, block.get('text')));
      children.push(h('p', { key: 'button' }, h('span', { className: 'button' }, block.get('label') || type)));
    } else if (type === 'text-with-image') {
      children.push(h('p', { key: 'text' }, block.get('text')));
    } else {
      children.push(h('p', { key: 'note' }, `(${type.replace(/-/g, ' ')})`));
    }
    return h('section', { className: `home-block ${BLOCK_CLASSES[type] ?? ''}`, key: `block-${index}` }, children);
  };

  cms.register('pages', (props) => {
    const { entry } = props;
    const title = data(entry, 'title');
    const summary = data(entry, 'summary');
    if (entry.get('slug') === 'home') {
      const blocks = list(data(entry, 'blocks')) as ImmutableValue[];
      const hero = blocks[0]?.get('type') === 'hero' ? blocks[0] : undefined;
      const lead = hero?.get('text') || summary;
      return frame([
        h('section', { className: 'hero', key: 'hero' }, [
          imageOf(props, 'hero'),
          h('div', { className: 'hero__text', key: 'text' }, [
            h('h1', { key: 'title' }, hero?.get('title') || title),
            lead ? h('p', { className: 'hero__lead', key: 'lead' }, lead) : null,
          ]),
        ]),
        body(props, 'prose home__body'),
        ...blocks.filter((block) => block !== hero).map(blockPreview),
      ]);
    }
    return frame(h('article', { className: 'page' }, [header(title, summary), h('div', { key: 'image' }, imageOf(props, 'hero')), body(props)]));
  });

  cms.register('news', (props) => {
    const { entry } = props;
    const author = data(entry, 'author');
    const tags = list(data(entry, 'tags')) as string[];
    const meta = h('p', { className: 'news-card__meta', key: 'meta' }, cms.formatDay(data(entry, 'date')) + (author ? ` · ${author}` : ''));
    return frame(
      h('article', { className: 'news-post' }, [
        header(data(entry, 'title'), data(entry, 'summary'), 'lead', meta),
        h('div', { key: 'image' }, imageOf(props, 'cover')),
        body(props),
        tags.length
          ? h(
              'div',
              { className: 'tag-list', key: 'tags' },
              h(
                'ul',
                null,
                tags.map((tag) => h('li', { key: tag }, h('a', { href: '#' }, tag))),
              ),
            )
          : null,
      ]),
    );
  });

  const fact = (term: string, value: unknown, key: string): Element[] => (value ? [h('dt', { key: `${key}-term` }, term), h('dd', { key }, value)] : []);

  cms.register('events', (props) => {
    const { entry } = props;
    const allDay = !!entry.getIn(['data', 'allDay']);
    const start = cms.formatWallClock(data(entry, 'start'), allDay);
    const end = cms.formatWallClock(data(entry, 'end'), allDay);
    const rule = data(entry, 'recurrence', 'rule');
    const place = [data(entry, 'location', 'name'), data(entry, 'location', 'address')].filter(Boolean).join(', ');
    const facts = [
      ...fact(cms.label('events.when', 'When'), start + (end ? ` – ${end}` : '') + (rule ? ` · ${rule}` : ''), 'when'),
      ...fact(cms.label('events.where', 'Where'), place, 'where'),
      ...fact(cms.label('events.online', 'Online'), data(entry, 'online'), 'online'),
      ...fact(cms.label('events.cost', 'Cost'), data(entry, 'cost'), 'cost'),
    ];
    return frame(
      h('article', { className: 'event' }, [
        header(data(entry, 'title'), data(entry, 'summary')),
        h('div', { key: 'image' }, imageOf(props, 'image')),
        h('dl', { className: 'event__facts', key: 'facts' }, facts),
        data(entry, 'registration') ? h('p', { key: 'register' }, h('a', { className: 'button', href: '#' }, cms.label('events.register', 'Register'))) : null,
        body(props),
      ]),
    );
  });

  cms.register('people', (props) => {
    const photo = imageOf(props, 'photo');
    return frame(
      h('article', { className: 'person' }, [
        header(data(props.entry, 'name'), data(props.entry, 'role'), 'lead person__role'),
        h('div', { className: 'person__main', key: 'main' }, [photo ? h('div', { key: 'photo' }, photo) : null, body(props, 'prose person__bio')]),
      ]),
    );
  });

  cms.register('projects', (props) =>
    frame(
      h('article', { className: 'project' }, [
        header(data(props.entry, 'title'), data(props.entry, 'summary')),
        h('div', { key: 'image' }, imageOf(props, 'image')),
        body(props),
      ]),
    ),
  );
}
