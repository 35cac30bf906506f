/**
 * The harbour theme's CMS previews: each collection's entry drawn with the theme's markup and
 * classes (see ../layouts), styled by the site's own stylesheets, so an editor sees the page
 * much as visitors will. Named in package.json as `openoutreach.cmsPreview`; the CMS calls the
 * default export once, on /admin/.
 */
import type { CmsPreviews, Element, ImmutableValue, PreviewProps } from '@openoutreach/cms/preview';

export default function registerPreviews(cms: CmsPreviews): void {
  const { h } = cms;
  const field = (entry: ImmutableValue, ...path: string[]) => entry.getIn(['data', ...path]) as string | undefined;
  const items = (value: unknown): unknown[] => (value && typeof (value as ImmutableValue).toArray === 'function' ? (value as ImmutableValue).toArray!() : []);

  const picture = ({ entry, getAsset }: PreviewProps, name: string, className = 'hb-article__banner'): Element => {
    const src = field(entry, name, 'src');
    return src ? h('img', { className, key: name, src: getAsset(src).toString(), alt: field(entry, name, 'alt') ?? '' }) : null;
  };
  const page = (article: Element): Element => h('main', { id: 'main', className: 'hb-main' }, h('div', { className: 'hb-frame' }, article));
  const head = (title: unknown, lead: unknown, before: Element = null, after: Element = null): Element =>
    h('header', { className: 'hb-article__head', key: 'head' }, [
      before,
      h('h1', { key: 'title' }, title),
      after,
      lead ? h('p', { className: 'hb-lead', key: 'lead' }, lead) : null,
    ]);
  const text = (props: PreviewProps): Element => h('div', { className: 'prose hb-article__body', key: 'body' }, props.widgetFor('body'));
  const main = (...children: Element[]): Element => h('div', { className: 'hb-article__main', key: 'main' }, children);
  const facts = (pairs: [string, unknown][]): Element =>
    h(
      'div',
      { className: 'hb-aside hb-facts', key: 'facts' },
      h(
        'dl',
        null,
        pairs.filter(([, value]) => value).map(([term, value]) => h('div', { key: term }, [h('dt', { key: 'term' }, term), h('dd', { key: 'value' }, value)])),
      ),
    );

  /** A home page block, near enough for editing: texts and figures in full, lists as their heading. */
  const block = (value: ImmutableValue, index: number): Element => {
    const type = (value.get('type') as string | undefined) ?? 'block';
    const heading = value.get('heading') ? h('h2', { className: 'hb-section__title', key: 'heading' }, value.get('heading')) : null;
    if (type === 'call-to-action' || type === 'donate') {
      return h('section', { className: `hb-band hb-band--${type}`, key: index }, [
        heading,
        value.get('text') ? h('p', { className: 'hb-band__text', key: 'text' }, value.get('text')) : null,
        h('p', { key: 'action' }, h('span', { className: 'button hb-button' }, value.get('label') || type)),
      ]);
    }
    if (type === 'figures') {
      const figures = items(value.get('items')).map((item, position) =>
        h('li', { key: position }, [
          h('span', { className: 'hb-figures__value', key: 'value' }, (item as ImmutableValue).get('value')),
          ' ',
          h('span', { className: 'hb-figures__label', key: 'label' }, (item as ImmutableValue).get('label')),
        ]),
      );
      return h('section', { className: 'hb-figures', key: index }, [heading, h('ul', { className: 'hb-figures__row', key: 'row' }, figures)]);
    }
    const body = type === 'text-with-image' ? value.get('text') : `(${type.replace(/-/g, ' ')})`;
    return h('section', { className: 'hb-section', key: index }, [heading, h('p', { key: 'body' }, body)]);
  };

  cms.register('pages', (props) => {
    const { entry } = props;
    if (entry.get('slug') !== 'home') {
      return page(h('article', { className: 'hb-article' }, [head(field(entry, 'title'), field(entry, 'summary')), main(picture(props, 'hero'), text(props))]));
    }
    const blocks = items(field(entry, 'blocks')) as ImmutableValue[];
    const hero = blocks[0]?.get('type') === 'hero' ? blocks[0] : undefined;
    const lead = hero?.get('text') || field(entry, 'summary');
    return page(
      h('div', { className: 'hb-home' }, [
        h('section', { className: 'hb-hero hb-hero--photo', key: 'hero' }, [
          h('div', { className: 'hb-hero__words', key: 'words' }, [
            h('h1', { className: 'hb-hero__title', key: 'title' }, hero?.get('title') || field(entry, 'title')),
            lead ? h('p', { className: 'hb-hero__text', key: 'lead' }, lead) : null,
          ]),
          picture(props, 'hero', 'hb-hero__photo'),
        ]),
        h('div', { className: 'prose hb-home__body', key: 'body' }, props.widgetFor('body')),
        ...blocks.filter((value) => value !== hero).map(block),
      ]),
    );
  });

  cms.register('news', (props) => {
    const { entry } = props;
    const author = field(entry, 'author');
    const meta = h('p', { className: 'hb-article__meta', key: 'meta' }, cms.formatDay(field(entry, 'date')) + (author ? ` · ${author}` : ''));
    const tags = items(field(entry, 'tags')) as string[];
    return page(
      h('article', { className: 'hb-article hb-article--aside' }, [
        head(field(entry, 'title'), field(entry, 'summary'), null, meta),
        main(picture(props, 'cover'), text(props)),
        h(
          'div',
          { className: 'hb-aside', key: 'aside' },
          tags.length
            ? h(
                'div',
                { className: 'hb-tags' },
                h(
                  'ul',
                  null,
                  tags.map((tag) => h('li', { key: tag }, h('a', { href: '#' }, tag))),
                ),
              )
            : null,
        ),
      ]),
    );
  });

  cms.register('events', (props) => {
    const { entry } = props;
    const allDay = !!entry.getIn(['data', 'allDay']);
    const end = cms.formatWallClock(field(entry, 'end'), allDay);
    const rule = field(entry, 'recurrence', 'rule');
    const when = cms.formatWallClock(field(entry, 'start'), allDay) + (end ? ` – ${end}` : '') + (rule ? ` · ${rule}` : '');
    const where = [field(entry, 'location', 'name'), field(entry, 'location', 'address')].filter(Boolean).join(', ');
    return page(
      h('article', { className: 'hb-article hb-article--aside hb-event' }, [
        head(field(entry, 'title'), field(entry, 'summary')),
        h('div', { className: 'hb-article__lead', key: 'lead' }, picture(props, 'image')),
        facts([
          [cms.label('events.when', 'When'), when],
          [cms.label('events.where', 'Where'), where],
          [cms.label('events.online', 'Online'), field(entry, 'online')],
          [cms.label('events.cost', 'Cost'), field(entry, 'cost')],
        ]),
        main(text(props)),
      ]),
    );
  });

  cms.register('people', (props) => {
    const photo = picture(props, 'photo', 'hb-profile__photo');
    return page(
      h('article', { className: `hb-article hb-profile${photo ? ' hb-article--aside' : ''}` }, [
        head(field(props.entry, 'name'), field(props.entry, 'role')),
        photo ? h('div', { className: 'hb-aside', key: 'photo' }, photo) : null,
        main(text(props)),
      ]),
    );
  });

  cms.register('projects', (props) =>
    page(
      h('article', { className: 'hb-article' }, [head(field(props.entry, 'title'), field(props.entry, 'summary')), main(picture(props, 'image'), text(props))]),
    ),
  );
}
