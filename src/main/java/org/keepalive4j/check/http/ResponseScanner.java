package org.keepalive4j.check.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Scans an HTTP response read by read, as keepalived does, so that the digest and the verbose output
 * are keepalived's:
 * <ul>
 * <li>reads go into a 4096-byte buffer until it holds the blank line ending the header; a header that
 *     does not fit is never found, as in keepalived (the response then counts as "no data");</li>
 * <li>the status code is the three digits after the first space of the first line (0 when malformed);</li>
 * <li>Content-Length is found case-sensitively as {@code Content-Length:} in the first buffer;</li>
 * <li>the MD5 covers the raw bytes after the header up to Content-Length when there is one, else to
 *     the end of the stream. Chunked bodies are NOT decoded: chunk sizes and CRLFs are hashed as
 *     received, exactly as genhash hashes them, so the digest genhash prints for a chunked url is
 *     the one the check compares.</li>
 * </ul>
 * One instance per exchange, used by one thread.
 */
public final class ResponseScanner {

    /** keepalived's MAX_BUFFER_LENGTH: one byte of it stays free for a terminating NUL. */
    public static final int BUFFER_SIZE = 4096;

    private static final byte[] CONTENT_LENGTH = "Content-Length:".getBytes(StandardCharsets.US_ASCII);

    private final ResponseObserver observer;
    private final int bodyLimit;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final MessageDigest md5;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int length;
    private boolean headerSeen;
    private int statusCode;
    private long contentLength = -1;
    private long bodyBytes;
    private byte[] digest;

    /**
     * @param bodyLimit how much of the body to keep for a regex (0: none); the digest always covers all
     */
    public ResponseScanner(ResponseObserver observer, int bodyLimit) {
        this.observer = observer;
        this.bodyLimit = bodyLimit;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** Where the next read goes: {@link #buffer()} from {@link #readOffset()}, at most this many bytes. */
    public int readSpace() {
        return BUFFER_SIZE - 1 - length;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int readOffset() {
        return length;
    }

    /** Convenience for tests and callers holding their own array. */
    public void feed(byte[] data, int offset, int count) {
        int done = 0;
        while (done < count) {
            int n = Math.min(readSpace(), count - done);
            if (n == 0) {
                return;
            }
            System.arraycopy(data, offset + done, buffer, length, n);
            accept(n);
            done += n;
        }
    }

    /** {@code count} bytes were read into {@link #buffer()} at {@link #readOffset()}. */
    public void accept(int count) {
        int old = length;
        length += count;
        if (!headerSeen) {
            observer.headerRead();
            int end = headerEnd(buffer, length);
            if (end < 0) {
                return;
            }
            headerSeen = true;
            statusCode = statusCode(buffer, length);
            contentLength = contentLength(buffer, length);
            observer.header(buffer, end);
            int rest = length - end;
            if (rest > 0) {
                int n = digestable(rest);
                if (n > 0) {
                    md5.update(buffer, end, n);
                    observer.bodyDigested(buffer, end, n, true);
                }
                keep(end, rest);
            }
            bodyBytes = rest;
            length = 0;
        } else if (count > 0) {
            int n = digestable(count);
            if (n > 0) {
                md5.update(buffer, old, n);
                observer.bodyDigested(buffer, old, n, false);
            }
            keep(old, count);
            bodyBytes += count;
            length = 0;
        }
    }

    /** The bytes of this read that fall within Content-Length (all of them when there is none). */
    private int digestable(int count) {
        if (contentLength < 0 || contentLength >= bodyBytes + count) {
            return count;
        }
        return (int) Math.max(0, contentLength - bodyBytes);
    }

    private void keep(int offset, int count) {
        int n = Math.min(count, bodyLimit - body.size());
        if (n > 0) {
            body.write(buffer, offset, n);
        }
    }

    /** Ends the scan; the digest is fixed from here on. */
    public void finish() {
        if (digest == null) {
            digest = md5.digest();
        }
    }

    public boolean headerSeen() {
        return headerSeen;
    }

    public int statusCode() {
        return statusCode;
    }

    /** -1 when the header had none (or one that does not parse). */
    public long contentLength() {
        return contentLength;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    public byte[] digest() {
        finish();
        return digest.clone();
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest());
    }

    /** The first {@code bodyLimit} bytes of the body. */
    public byte[] body() {
        return body.toByteArray();
    }

    /** Offset just past the first CRLF CRLF, or -1. */
    static int headerEnd(byte[] b, int len) {
        for (int i = 0; i + 3 < len; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The three digits after the first space of the status line, as keepalived reads them; 0 if none. */
    static int statusCode(byte[] b, int len) {
        int i = 0;
        while (i < len && b[i] != ' ' && b[i] != '\r') {
            i++;
        }
        if (i >= len || b[i] != ' ') {
            return 0;
        }
        i++;
        if (i + 3 >= len || b[i + 3] != ' ') {
            return 0;
        }
        int code = 0;
        for (int k = 0; k < 3; k++) {
            byte c = b[i + k];
            if (c < '0' || c > '9') {
                return 0;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /**
     * keepalived's strstr for "Content-Length:" over the first buffer (which stops at a NUL byte), then
     * strtoul: blanks, digits, and nothing but CR, LF or the end after them; -1 otherwise.
     */
    static long contentLength(byte[] b, int len) {
        int limit = len;
        for (int i = 0; i < len; i++) {
            if (b[i] == 0) {
                limit = i;
                break;
            }
        }
        int at = indexOf(b, limit, CONTENT_LENGTH);
        if (at < 0) {
            return -1;
        }
        int i = at + CONTENT_LENGTH.length;
        while (i < limit && isSpace(b[i])) {
            i++;
        }
        if (i < limit && b[i] == '+') {
            i++;
        }
        int digits = i;
        long value = 0;
        while (i < limit && b[i] >= '0' && b[i] <= '9') {
            if (value > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
            i++;
        }
        if (i == digits) {
            return -1;
        }
        if (i < limit && b[i] != '\r' && b[i] != '\n') {
            return -1;
        }
        return value;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static int indexOf(byte[] b, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
