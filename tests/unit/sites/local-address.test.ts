import { describe, expect, it } from 'vitest';
import { describeLocalAddress, feedPermissionPattern, localAddressKind } from '../../../lib/sites/url';

const kind = (url: string) => localAddressKind(new URL(url));

describe('localAddressKind: the reader\'s machine and network, however the address is spelled', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10:8080/', 'loopback'],
    ['http://0x7f.1/', 'loopback'], // the URL parser's IPv4 spellings all become 127.0.0.1
    ['http://2130706433/', 'loopback'],
    ['http://0.0.0.0/', 'loopback'],
    ['http://localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://api.localhost/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[::ffff:192.168.1.1]/', 'private'],
    ['http://[64:ff9b::10.0.0.1]/', 'private'],
    ['http://169.254.169.254/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://224.0.0.1/', 'reserved'],
    ['http://255.255.255.255/', 'reserved'],
    ['http://[ff02::1]/', 'reserved'],
    ['http://router/', 'local-name'],
    ['http://printer.local/', 'local-name'],
    ['http://nas.home.arpa/', 'local-name'],
    ['http://db.internal/', 'local-name'],
  ])('%s is %s', (url, expected) => {
    expect(kind(url)).toBe(expected);
  });

  it.each(['https://feeds.example.org/', 'https://8.8.8.8/', 'https://172.32.0.1/', 'https://100.128.0.1/', 'https://[2001:db8::1]/', 'https://[::ffff:8.8.8.8]/', 'https://127.0.0.1.nip.example/'])(
    '%s is public',
    (url) => {
      expect(kind(url)).toBeUndefined();
    },
  );

  it('says each kind in words a reader understands', () => {
    expect(describeLocalAddress('private')).toBe('a private network address');
    expect(describeLocalAddress('loopback')).toMatch(/this computer/);
  });

  it('asks for a feed host\'s permission as a port-less match pattern', () => {
    expect(feedPermissionPattern(new URL('https://Feeds.Example.org:8443/c.json?x=1'))).toBe('https://feeds.example.org/*');
    expect(feedPermissionPattern(new URL('http://127.0.0.1:41234/feed.json'))).toBe('http://127.0.0.1/*');
  });
});
