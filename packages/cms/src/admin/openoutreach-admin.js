/*
 * Open Outreach's additions to Decap CMS, loaded after decap-cms.js on /admin/: previews that
 * use the site's own stylesheet and markup, so an editor sees the page as visitors will.
 * Plain browser JavaScript: Decap provides `h` (React's createElement) on window.
 */
(function () {
  'use strict';
  var CMS = window.CMS;
  var h = window.h;
  var data = document.getElementById('openoutreach-admin');
  var settings = data ? JSON.parse(data.textContent) : { previewStyles: [], cssVariables: '', locale: 'en' };

  settings.previewStyles.forEach(function (url) {
    CMS.registerPreviewStyle(url);
  });
  if (settings.cssVariables) CMS.registerPreviewStyle(settings.cssVariables, { raw: true });

  function imageOf(entry, getAsset, field) {
    var src = entry.getIn(['data', field, 'src']);
    if (!src) return null;
    return h('img', {
      className: 'page__hero',
      src: getAsset(src).toString(),
      alt: entry.getIn(['data', field, 'alt']) || '',
    });
  }

  function formatDay(value) {
    if (!value) return '';
    var date = new Date(value);
    if (isNaN(date.getTime())) return String(value);
    return new Intl.DateTimeFormat(settings.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }

  function frame(children) {
    return h('main', { id: 'main' }, h('div', { className: 'container' }, children));
  }

  /**
   * A home page block as the theme shows it, near enough for editing: figures, calls to action
   * and texts in full; lists of news, events and projects as their heading and a note.
   */
  function blockPreview(block, index) {
    var type = block.get('type') || 'block';
    var heading = block.get('heading');
    var children = [heading ? h('h2', { key: 'heading' }, heading) : null];
    if (type === 'figures') {
      var items = block.get('items');
      children.push(h('ul', { className: 'home-figures__list', key: 'items' }, (items ? items.toArray() : []).map(function (item, position) {
        return h('li', { className: 'home-figures__item', key: position }, [
          h('span', { className: 'home-figures__value', key: 'value' }, item.get('value')),
          h('span', { className: 'home-figures__label', key: 'label' }, item.get('label')),
        ]);
      })));
    } else if (type === 'call-to-action' || type === 'donate') {
      if (block.get('text')) children.push(h('p', { key: 'text' }, block.get('text')));
      children.push(h('p', { key: 'button' }, h('span', { className: 'button' }, block.get('label') || type)));
    } else if (type === 'text-with-image') {
      children.push(h('p', { key: 'text' }, block.get('text')));
    } else {
      children.push(h('p', { key: 'note' }, '(' + type.replace(/-/g, ' ') + ')'));
    }
    var classes = { 'call-to-action': 'home-cta', figures: 'home-figures', 'text-with-image': 'home-text-image', donate: 'home-donate' };
    return h('section', { className: 'home-block ' + (classes[type] || ''), key: 'block-' + index }, children);
  }

  function PagePreview(props) {
    var entry = props.entry;
    var title = entry.getIn(['data', 'title']);
    var summary = entry.getIn(['data', 'summary']);
    if (entry.get('slug') === 'home') {
      var blocks = (entry.getIn(['data', 'blocks']) || { toArray: function () { return []; } }).toArray();
      var hero = blocks[0] && blocks[0].get('type') === 'hero' ? blocks[0] : null;
      return frame([
        h('section', { className: 'hero', key: 'hero' }, [
          imageOf(entry, props.getAsset, 'hero'),
          h('div', { className: 'hero__text', key: 'text' }, [
            h('h1', { key: 'title' }, (hero && hero.get('title')) || title),
            (hero && hero.get('text')) || summary ? h('p', { className: 'hero__lead', key: 'lead' }, (hero && hero.get('text')) || summary) : null,
          ]),
        ]),
        h('div', { className: 'prose home__body', key: 'body' }, props.widgetFor('body')),
      ].concat(blocks.filter(function (block) { return block !== hero; }).map(blockPreview)));
    }
    return frame(
      h('article', { className: 'page' }, [
        h('header', { className: 'page__header', key: 'header' }, [
          h('h1', { key: 'title' }, title),
          summary ? h('p', { className: 'lead', key: 'lead' }, summary) : null,
        ]),
        h('div', { key: 'image' }, imageOf(entry, props.getAsset, 'hero')),
        h('div', { className: 'prose', key: 'body' }, props.widgetFor('body')),
      ]),
    );
  }

  function NewsPreview(props) {
    var entry = props.entry;
    var tags = entry.getIn(['data', 'tags']);
    var author = entry.getIn(['data', 'author']);
    return frame(
      h('article', { className: 'news-post' }, [
        h('header', { className: 'page__header', key: 'header' }, [
          h('h1', { key: 'title' }, entry.getIn(['data', 'title'])),
          h('p', { className: 'news-card__meta', key: 'meta' }, formatDay(entry.getIn(['data', 'date'])) + (author ? ' · ' + author : '')),
          entry.getIn(['data', 'summary']) ? h('p', { className: 'lead', key: 'lead' }, entry.getIn(['data', 'summary'])) : null,
        ]),
        h('div', { key: 'image' }, imageOf(entry, props.getAsset, 'cover')),
        h('div', { className: 'prose', key: 'body' }, props.widgetFor('body')),
        tags && tags.size
          ? h('div', { className: 'tag-list', key: 'tags' }, h('ul', null, tags.toArray().map(function (tag) {
              return h('li', { key: tag }, h('a', { href: '#' }, tag));
            })))
          : null,
      ]),
    );
  }

  /**
   * A wall-clock time as written in an event (`2026-12-05T18:30`, or a day alone) in the site's
   * language, without any conversion between time zones.
   */
  function formatWallClock(value, allDay) {
    if (!value) return '';
    var text = value instanceof Date ? value.toISOString().slice(0, 16) : String(value);
    var match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(text);
    if (!match) return text;
    var date = new Date(match[1] + 'T' + (match[2] || '00:00') + ':00Z');
    var options = allDay || !match[2] ? { dateStyle: 'full', timeZone: 'UTC' } : { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(settings.locale, options).format(date);
  }

  function fact(term, value, key) {
    return value ? [h('dt', { key: key + '-term' }, term), h('dd', { key: key }, value)] : [];
  }

  function EventPreview(props) {
    var entry = props.entry;
    var data = function (path) {
      return entry.getIn(['data'].concat(path));
    };
    var allDay = !!data(['allDay']);
    var start = formatWallClock(data(['start']), allDay);
    var end = formatWallClock(data(['end']), allDay);
    var place = [data(['location', 'name']), data(['location', 'address'])].filter(Boolean).join(', ');
    var labels = settings.eventLabels || { when: 'When', where: 'Where', online: 'Online', cost: 'Cost', register: 'Register' };
    var facts = [].concat(
      fact(labels.when, start + (end ? ' – ' + end : '') + (data(['recurrence', 'rule']) ? ' · ' + data(['recurrence', 'rule']) : ''), 'when'),
      fact(labels.where, place, 'where'),
      fact(labels.online, data(['online']), 'online'),
      fact(labels.cost, data(['cost']), 'cost'),
    );
    return frame(
      h('article', { className: 'event' }, [
        h('header', { className: 'page__header', key: 'header' }, [
          h('h1', { key: 'title' }, data(['title'])),
          data(['summary']) ? h('p', { className: 'lead', key: 'lead' }, data(['summary'])) : null,
        ]),
        h('div', { key: 'image' }, imageOf(entry, props.getAsset, 'image')),
        h('dl', { className: 'event__facts', key: 'facts' }, facts),
        data(['registration']) ? h('p', { key: 'register' }, h('a', { className: 'button', href: '#' }, labels.register)) : null,
        h('div', { className: 'prose', key: 'body' }, props.widgetFor('body')),
      ]),
    );
  }

  function PersonPreview(props) {
    var entry = props.entry;
    var role = entry.getIn(['data', 'role']);
    var photo = imageOf(entry, props.getAsset, 'photo');
    return frame(
      h('article', { className: 'person' }, [
        h('header', { className: 'page__header', key: 'header' }, [
          h('h1', { key: 'name' }, entry.getIn(['data', 'name'])),
          role ? h('p', { className: 'lead person__role', key: 'role' }, role) : null,
        ]),
        h('div', { className: 'person__main', key: 'main' }, [
          photo ? h('div', { key: 'photo' }, photo) : null,
          h('div', { className: 'prose person__bio', key: 'body' }, props.widgetFor('body')),
        ]),
      ]),
    );
  }

  function ProjectPreview(props) {
    var entry = props.entry;
    var summary = entry.getIn(['data', 'summary']);
    return frame(
      h('article', { className: 'project' }, [
        h('header', { className: 'page__header', key: 'header' }, [
          h('h1', { key: 'title' }, entry.getIn(['data', 'title'])),
          summary ? h('p', { className: 'lead', key: 'lead' }, summary) : null,
        ]),
        h('div', { key: 'image' }, imageOf(entry, props.getAsset, 'image')),
        h('div', { className: 'prose', key: 'body' }, props.widgetFor('body')),
      ]),
    );
  }

  /*
   * An image with its description: Decap's object widget, plus the rule Decap cannot express for
   * an optional object (decaporg/decap-cms#7748): once an image is chosen, its description is
   * required. The build enforces the same rule; this says it before publishing.
   */
  var ObjectWidget = CMS.getWidget('object');
  var ImageWithAltControl = window.createClass({
    isValid: function () {
      var value = this.props.value;
      var src = value && value.get ? value.get('src') : undefined;
      var alt = value && value.get ? value.get('alt') : undefined;
      if (src && !(alt && String(alt).trim())) {
        return { error: { message: settings.altRequired || 'Describe the image for people who cannot see it.' } };
      }
      return true;
    },
    render: function () {
      return h(ObjectWidget.control, this.props);
    },
  });
  CMS.registerWidget('image-with-alt', ImageWithAltControl, ObjectWidget.preview);

  CMS.registerPreviewTemplate('pages', PagePreview);
  CMS.registerPreviewTemplate('news', NewsPreview);
  CMS.registerPreviewTemplate('events', EventPreview);
  CMS.registerPreviewTemplate('people', PersonPreview);
  CMS.registerPreviewTemplate('projects', ProjectPreview);
})();
