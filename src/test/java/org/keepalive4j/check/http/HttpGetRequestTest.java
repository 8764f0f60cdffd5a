package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.HttpCheck.HttpProtocol;

class HttpGetRequestTest {

    private static String req(String path, String host, HttpProtocol p) {
        return new String(HttpGetRequest.build(path, host, p), StandardCharsets.UTF_8);
    }

    @Test
    void http10HasNoConnectionHeader() {
        assertEquals("GET /x HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: h\r\n\r\n",
                req("/x", "h", HttpProtocol.HTTP_1_0));
    }

    @Test
    void http10cAnd11AskToClose() {
        assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: h\r\n\r\n",
                req("/", "h", HttpProtocol.HTTP_1_0C));
        assertEquals("GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: h\r\n\r\n",
                req("/", "h", HttpProtocol.HTTP_1_1));
    }

    @Test
    void hostIsTheVirtualhostAsWrittenElseAddressAndPort() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 8080);
        assertEquals("www.example.com", HttpGetRequest.hostHeader("www.example.com", v4));
        assertEquals("10.0.0.2:8080", HttpGetRequest.hostHeader(null, v4));
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:0:0:0:1"), 80);
        assertEquals("[2001:db8::1]:80", HttpGetRequest.hostHeader(null, v6));
    }

    @Test
    void ipv6IsWrittenAsInetNtopWritesIt() throws Exception {
        assertEquals("::1", HttpGetRequest.addressText(InetAddress.getByName("::1")));
        assertEquals("::", HttpGetRequest.addressText(InetAddress.getByName("::")));
        assertEquals("fe80::1:0:0:2", HttpGetRequest.addressText(InetAddress.getByName("fe80:0:0:0:1:0:0:2")));
        assertEquals("1::2:0:0:3", HttpGetRequest.addressText(InetAddress.getByName("1:0:0:0:2:0:0:3")));
        // of two equally long runs the first is compressed
        assertEquals("1::2:0:0:3:4", HttpGetRequest.addressText(InetAddress.getByName("1:0:0:2:0:0:3:4")));
        // a single zero group is not compressed
        assertEquals("1:0:2:3:4:5:6:7", HttpGetRequest.addressText(InetAddress.getByName("1:0:2:3:4:5:6:7")));
        assertEquals("1:0:2::", HttpGetRequest.addressText(InetAddress.getByName("1:0:2:0:0:0:0:0")));
        // IPv4-compatible: dotted tail, as glibc writes it
        assertEquals("::0.2.0.3", HttpGetRequest.addressText(InetAddress.getByName("::2:3")));
    }
}
