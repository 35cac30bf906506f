import type { DecapCms, ImmutableValue } from './decap.ts';

/**
 * An image with its description: Decap's object widget, plus the rule Decap cannot express for
 * an optional object (decaporg/decap-cms#7748): once an image is chosen, its description is
 * required. The build enforces the same rule; this says it before publishing.
 */
export function registerImageWithAlt(
  cms: DecapCms,
  h: (type: unknown, props: unknown) => unknown,
  createClass: (spec: Record<string, unknown>) => unknown,
  altRequired: string,
): void {
  const object = cms.getWidget('object');
  const control = createClass({
    isValid(this: { props: { value?: ImmutableValue } }) {
      const value = this.props.value;
      const src = value?.get ? value.get('src') : undefined;
      const alt = value?.get ? value.get('alt') : undefined;
      if (src && !(alt && String(alt).trim())) return { error: { message: altRequired } };
      return true;
    },
    render(this: { props: unknown }) {
      return h(object.control, this.props);
    },
  });
  cms.registerWidget('image-with-alt', control, object.preview);
}
