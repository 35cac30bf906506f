/*
 * Open Outreach's additions to Decap CMS, loaded after decap-cms.js on /admin/: previews that
 * use the site's own stylesheet and markup, so an editor sees the page as visitors will.
 * Plain browser JavaScript: Decap provides `h` (React's createElement) on window.
 */
(function () {
  'use strict';
  var CMS = window.CMS;
  var h = window.h;
  var settings = window.OPENOUTREACH_ADMIN || { previewStyles: [], cssVariables: '', locale: 'en' };

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

  function PagePreview(props) {
    var entry = props.entry;
    var title = entry.getIn(['data', 'title']);
    var summary = entry.getIn(['data', 'summary']);
    if (entry.get('slug') === 'home') {
      return frame([
        h('section', { className: 'hero', key: 'hero' }, [
          imageOf(entry, props.getAsset, 'hero'),
          h('div', { className: 'hero__text', key: 'text' }, [
            h('h1', { key: 'title' }, title),
            summary ? h('p', { className: 'hero__lead', key: 'lead' }, summary) : null,
          ]),
        ]),
        h('div', { className: 'prose home__body', key: 'body' }, props.widgetFor('body')),
      ]);
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
})();
