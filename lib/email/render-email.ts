import { plainTextSelectors, render } from '@react-email/components';
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
  const template = getEmailTemplate(name);
  const parsed = template.schema.safeParse(props);
  if (!parsed.success) throw new EmailPropsError(name, parsed.error.issues);
  // zod widens the parsed value to the union of all templates' props; it is this template's.
  const validProps = parsed.data as EmailProps<N>;
  const { html, text } = await renderComponent(template.component, validProps);
  return { subject: template.subject(validProps), html, text };
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

async function renderComponent<P extends object>(component: ComponentType<P>, props: P) {
  const html = await render(createElement(component, props));
  return { html, text: toPlainText(html) };
}
