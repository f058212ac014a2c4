import { SafeHtml, markup } from '@app/mail';
import { MailContext, RenderedMail } from './mail-context';

export type BannerColor = 'green' | 'yellow' | 'red' | 'blue';
const COLORS: Record<BannerColor, string> = {
  green: '#deffe1',
  yellow: '#fffcde',
  red: '#ffdede',
  blue: '#eaeefe',
};

interface Block {
  html: SafeHtml;
  text: string;
}

/** A mail body built block by block, written both as HTML and as its plain-text alternative. */
export class MailBody {
  private readonly blocks: Block[] = [];

  constructor(private readonly context: MailContext) {}

  banner(name: string, phrase: string, color: BannerColor): this {
    return this.add(
      markup`<div style="background:${COLORS[color]};border-radius:6px;padding:12px 16px;margin-bottom:16px">
        <strong>${name}</strong> ${phrase}
      </div>`,
      `${name ? `${name} ` : ''}${phrase}`,
    );
  }

  heading(title: string): this {
    return this.add(
      markup`<h2 style="margin:0 0 12px 0;font-size:20px">${title}</h2>`,
      `${title}\n${'='.repeat(Math.min(60, Math.max(3, title.length)))}`,
    );
  }

  /** A labelled row; `value` is HTML already, `text` its plain form. */
  row(label: string, value: SafeHtml, text: string): this {
    return this.add(
      markup`<tr>
        <td style="vertical-align:top;padding:4px 12px 4px 0;color:#666;white-space:nowrap">${label}</td>
        <td style="padding:4px 0">${value}</td>
      </tr>`,
      `${label}: ${text}`,
      true,
    );
  }

  paragraph(value: SafeHtml, text: string): this {
    return this.add(markup`<p style="margin:16px 0">${value}</p>`, text);
  }

  buttons(question: string, buttons: { label: string; url: string }[]): this {
    return this.add(
      markup`<div style="margin:20px 0">
        <p style="margin:0 0 8px 0">${question}</p>
        ${buttons.map(
          (button) =>
            markup`<a
              href="${button.url}"
              style="display:inline-block;margin-right:8px;padding:8px 18px;border-radius:4px;background:#2d6fd6;color:#fff;text-decoration:none"
              >${button.label}</a
            >`,
        )}
      </div>`,
      [question, ...buttons.map((button) => `  ${button.label}: ${button.url}`)].join('\n'),
    );
  }

  warning(text: string): this {
    return this.add(
      markup`<div
        style="margin-top:20px;padding:10px 14px;border:1px solid #f0c36d;background:#fff8e1;border-radius:4px;font-size:13px"
      >
        ⚠ ${text}
      </div>`,
      `⚠ ${text}`,
    );
  }

  raw(value: SafeHtml, text: string): this {
    return this.add(value, text);
  }

  render(subject: string): RenderedMail {
    let htmlOut = '';
    let textOut = '';
    let table: Block[] = [];
    const flush = () => {
      if (table.length === 0) return;
      htmlOut += markup`<table style="border-collapse:collapse;margin:8px 0">
        ${table.map((row) => row.html)}
      </table>`.value;
      textOut += `${table.map((row) => row.text).join('\n')}\n\n`;
      table = [];
    };
    for (const block of this.blocks) {
      if ((block as Block & { row?: boolean }).row) {
        table.push(block);
        continue;
      }
      flush();
      htmlOut += block.html.value;
      textOut += `${block.text}\n\n`;
    }
    flush();
    const footer = this.context.t('generated_by');
    const document = markup`<!DOCTYPE html>
      <html lang="${this.context.locale.language}">
        <head>
          <meta charset="UTF-8" />
          <title>${subject}</title>
        </head>
        <body style="margin:0;padding:0;background:#f4f5f7">
          <div
            style="max-width:640px;margin:0 auto;padding:24px;font-family:Roboto,Arial,sans-serif;font-size:14px;color:#222;background:#fff"
          >
            ${new SafeHtml(htmlOut)}
            <p style="margin-top:24px;color:#999;font-size:12px">${footer}</p>
          </div>
        </body>
      </html>`;
    return { subject, html: document.value, text: `${textOut}--\n${footer}\n` };
  }

  private add(value: SafeHtml, text: string, row = false): this {
    this.blocks.push(Object.assign({ html: value, text }, row ? { row: true } : {}));
    return this;
  }
}
