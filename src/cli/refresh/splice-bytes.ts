/**
 * The original bytes of a run of a sheet with its splices applied. It is self-contained (no
 * imports, nothing from around it) because the worker deflater runs its source text as well
 * (worker-deflater.ts): the splices of a large sheet are applied there, beside the scan.
 */

/**
 * `src` with each splice [start, end) replaced by its text: `splices` holds triples of start, end
 * (offsets into `src`, in order, not overlapping) and an index into `texts`.
 */
export function applySplices(src: Uint8Array, splices: Int32Array, texts: readonly Uint8Array[]): Uint8Array {
  const count = splices.length;
  let size = src.length;
  for (let i = 0; i < count; i += 3)
    size +=
      (texts[splices[i + 2] as number] as Uint8Array).length -
      ((splices[i + 1] as number) - (splices[i] as number));
  const out = Buffer.allocUnsafe(size);
  let w = 0;
  let at = 0;
  for (let i = 0; i <= count; i += 3) {
    const last = i === count;
    const start = last ? src.length : (splices[i] as number);
    // A short run by a loop: cheaper than the call that copies a long one.
    if (start - at > 64) out.set(src.subarray(at, start), w);
    else for (let k = at; k < start; k++) out[w + k - at] = src[k] as number;
    w += start - at;
    if (last) break;
    const text = texts[splices[i + 2] as number] as Uint8Array;
    if (text.length > 64) out.set(text, w);
    else for (let k = 0; k < text.length; k++) out[w + k] = text[k] as number;
    w += text.length;
    at = splices[i + 1] as number;
  }
  return out;
}
