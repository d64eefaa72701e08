/** PDF → text (placeholder until the positional extractor lands). */
export async function pdfToText(bytes: Uint8Array, timeoutMs: number): Promise<string> {
  void bytes;
  void timeoutMs;
  throw new Error('PDF extraction not implemented yet');
}
