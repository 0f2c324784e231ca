package io.gatehouse.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void readsIpv6ShorthandAndEmbeddedIpv4() {
        // IpAddress accepts the usual IPv6 text forms, including :: and a dotted IPv4 tail.
        assertArrayEquals(new byte[16], IpRange.parseAddress("::"));
        byte[] mapped = IpRange.parseAddress("::ffff:192.0.2.1");
        assertTrue(mapped != null && mapped[10] == (byte) 0xff && mapped[12] == (byte) 192 && mapped[15] == 1);
        assertTrue(IpRange.parse("2001:db8::/32").orElseThrow().contains(IpRange.parseAddress("2001:0db8:ffff::1")));
    }

    @Test
    void rejectsMalformedAddresses() {
        assertNull(IpRange.parseAddress("256.0.0.1"));
        assertNull(IpRange.parseAddress("1.2.3"));
        assertNull(IpRange.parseAddress("1::2::3"));
        assertNull(IpRange.parseAddress("example.com"));
        assertFalse(IpRange.parse("10.0.0.0/").isPresent());
        assertFalse(IpRange.parse("::/129").isPresent());
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        IpRange one = IpRange.parse("203.0.113.9").orElseThrow();
        assertTrue(one.contains(IpRange.parseAddress("203.0.113.9")));
        assertFalse(one.contains(IpRange.parseAddress("203.0.113.8")));
    }

    @Test
    void aZeroPrefixCoversEveryAddressOfItsFamily() {
        assertTrue(IpRange.parse("0.0.0.0/0").orElseThrow().containsIpv4(0xffffffffL));
        assertTrue(IpRange.parse("0.0.0.0/0").orElseThrow().contains(IpRange.parseAddress("8.8.8.8")));
    }
}
