/**
 * Entry points of the report parser: bytes or text in, a typed ParseResult out. Never throws.
 */
import type { InputFormat, ParseResult } from './types';

export interface ParseTextOptions {
  fileName?: string;
  format?: InputFormat;
  encoding?: string;
}

/** Parse already-decoded text (sync). */
export function parseText(text: string, opts: ParseTextOptions = {}): ParseResult {
  void text;
  return {
    ok: false,
    error: { code: 'internal', message: 'table engine not wired yet' },
    format: opts.format ?? 'text',
    encoding: opts.encoding ?? 'utf-8',
  };
}

/** Decode the input (P2's decodeInput) and parse it. */
export async function parseReport(input: Uint8Array | string, opts: { fileName: string }): Promise<ParseResult> {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  return parseText(text, { fileName: opts.fileName, format: 'text', encoding: 'utf-8' });
}
