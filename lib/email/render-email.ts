import { plainTextSelectors } from '@react-email/components';
import { compile } from 'html-to-text';
import { createElement, type ComponentType } from 'react';
import { z } from 'zod';
import { getEmailTemplate, type EmailProps, type EmailTemplateName } from './templates';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export class EmailPropsError extends Error {
  constructor(
    readonly template: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Invalid props for email template "${template}":\n${z.prettifyError(new z.ZodError(issues))}`);
    this.name = 'EmailPropsError';
  }
}

/**
 * Renders a template to its subject, HTML and plain-text parts. Props are validated first (jobs
 * hand in JSON from the queue), so a bad payload fails with the field at fault, not a broken email.
 * Rendering is pure: the same props always give the same output, which keeps retries identical.
 */
export async function renderEmail<N extends EmailTemplateName>(
  name: N,
  props: EmailProps<N>,
): Promise<RenderedEmail> {
  const parsed = getEmailTemplate(name).schema.safeParse(props);
  if (!parsed.success) throw new EmailPropsError(name, parsed.error.issues);
  // zod widens the parsed value to the union of all templates' props; it is this template's.
  return renderValidEmail(name, parsed.data as EmailProps<N>);
}

/**
 * renderEmail for props already parsed by the template's schema (the send job's payload was, by
 * emailTemplatePayloadSchema), so a batch does not validate each email twice.
 */
export async function renderValidEmail<N extends EmailTemplateName>(name: N, props: EmailProps<N>): Promise<RenderedEmail> {
  const template = getEmailTemplate(name);
  const { html, text } = await renderComponent(template.component, props);
  return { subject: template.subject(props), html, text };
}

// Tables marked by the shared components (order items, label/value details) keep their columns
// in the plain-text part; every other table is layout and flattens to paragraphs. The converter is
// React Email's own plain-text conversion (its options and its html-to-text version, so the text is
// what `render(element, { plainText: true })` gives), compiled once: rendering the element a second
// time and compiling html-to-text's selectors on every call made up most of an email's cost.
const toPlainText = compile({
  wordwrap: false,
  selectors: [
    ...plainTextSelectors,
    {
      selector: 'table.data-table',
      format: 'dataTable',
      options: { uppercaseHeaderCells: false, maxColumnWidth: 50 },
    },
    { selector: 'table.detail-list', format: 'dataTable', options: { maxColumnWidth: 60 } },
  ],
});

// React Email's render() streams the element inside a Suspense boundary, so that a template may
// suspend, and leaves the boundary's markers (`<!--$-->`, `<!-- -->`) in the HTML. Our templates are
// synchronous: renderToStaticMarkup gives the same document without the markers in half the time,
// behind the same doctype render() writes. react-dom/server is imported when the first email is
// rendered, as render() does, not with this module (which pages import through lib/email).
const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
let reactDomServer: Promise<typeof import('react-dom/server')> | undefined;

// The plain-text converter reads tags, classes and data attributes, never inline styles, which are
// two thirds of an email's HTML; it parses the HTML without them.
const STYLE_ATTRIBUTE = / style="[^"]*"/g;

async function renderComponent<P extends object>(component: ComponentType<P>, props: P) {
  const { renderToStaticMarkup } = await (reactDomServer ??= import('react-dom/server'));
  const body = renderToStaticMarkup(createElement(component, props));
  return { html: `${XHTML_DOCTYPE}${body}`, text: toPlainText(body.replace(STYLE_ATTRIBUTE, '')) };
}
