import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** How the fetcher may fetch: limits, and the hosts it may reach on private addresses. */
export interface FetchOptions {
  /** Hosts (`name` or `name:port`) that may resolve to loopback or private addresses: a test's local server (`FETCH_ALLOW_HOSTS`). */
  allowHosts: string[];
  /** A body larger than this is cut off and the fetch fails. */
  maxBytes: number;
  /** The whole fetch, redirects included, gives up after this many ms. */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
}

export const defaultFetchOptions: FetchOptions = {
  allowHosts: [],
  maxBytes: 32 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
  userAgent: 'designation-desk/0.1 (+https://github.com/; follows the feeds and lists in sources.yml)',
};

/** A fetch that was refused or failed, with why in words an operator reads. */
export class FetchError extends Error {}

export interface Fetched {
  /** 200 with a body, or 304 when the source has not changed since the validators given. */
  status: 200 | 304;
  /** The address answered, after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Addresses no source may be on unless its host is allowed: loopback, private, link-local (cloud metadata), carrier-grade NAT, unspecified. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['192.0.0.0', 24],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['64:ff9b::', 96],
  ['2002::', 16],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Whether an address is one a source may not be on: IPv4-mapped IPv6 addresses are checked as their IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * GETs a source: http(s) only; every address its name resolves to, at every redirect, checked
 * against private ranges (unless the host is allowed); redirects bounded; the body read up to a
 * limit; conditional when validators are given. Nothing in the body is run.
 */
export async function fetchSafely(url: string, validators: { etag?: string | null; lastModified?: string | null }, options: FetchOptions): Promise<Fetched> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    const target = checkedUrl(current);
    const answer = await get(target, validators, options, deadline);
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
      const location = answer.headers.location;
      if (!location) throw new FetchError(`${target.host} answered ${answer.status} without a Location`);
      current = new URL(location, target).toString();
      continue;
    }
    if (answer.status === 304) return { status: 304, url: current, headers: answer.headers, body: Buffer.alloc(0) };
    if (answer.status !== 200) throw new FetchError(`${target.host} answered HTTP ${answer.status}`);
    return { status: 200, url: current, headers: answer.headers, body: answer.body };
  }
  throw new FetchError(`more than ${options.maxRedirects} redirects`);
}

function checkedUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError(`"${address}" is not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`${url.protocol} addresses are not fetched, only http and https`);
  if (url.username || url.password) throw new FetchError('an address with a user name or password is not fetched');
  return url;
}

/** One request: the address it connects to is the one checked (the check is in the connection's own lookup). */
function get(
  url: URL,
  validators: { etag?: string | null; lastModified?: string | null },
  options: FetchOptions,
  signal: AbortSignal,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const allowed = options.allowHosts.includes(url.host) || options.allowHosts.includes(url.hostname);
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, { all: true })
      .then((addresses) => {
        const refused = allowed ? undefined : addresses.find((a) => isPrivateAddress(a.address));
        if (refused) throw new FetchError(`${hostname} resolves to ${refused.address}, a private address (allow it with FETCH_ALLOW_HOSTS)`);
        const chosen = addresses.find((a) => !lookupOptions.family || a.family === lookupOptions.family) ?? addresses[0]!;
        if (lookupOptions.all) (callback as (e: null, a: typeof addresses) => void)(null, addresses);
        else callback(null, chosen.address, chosen.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, ''));
  if (literal && !allowed && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, '')))
    return Promise.reject(new FetchError(`${url.hostname} is a private address (allow it with FETCH_ALLOW_HOSTS)`));
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: '*/*', 'accept-encoding': 'identity' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // No shared agent: a kept-alive socket would skip the lookup, and with it the check.
    const req = send(url, { method: 'GET', headers, lookup: guardedLookup, signal, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          req.destroy(new FetchError(`the body is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', (error) =>
      reject(error instanceof FetchError ? error : new FetchError(signal.aborted ? `no answer within ${options.timeoutMs} ms` : error.message)),
    );
    req.end();
  });
}
