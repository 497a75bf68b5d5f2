/**
 * The callback of a `pipeline` whose last stream the caller reads: an error reaches the reader as
 * the stream's own, so there is nothing more to do with it here.
 */
export function ignore(): void {}
