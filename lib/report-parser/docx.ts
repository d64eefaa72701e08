/**
 * DOCX → HTML (mammoth keeps tables, including merged cells, as <table> markup) → text via html.ts.
 */
import mammoth from 'mammoth';
import { htmlToText } from './html';

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { value } = await mammoth.convertToHtml({ buffer });
  return htmlToText(value);
}
