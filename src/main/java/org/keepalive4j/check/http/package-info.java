/**
 * The HTTP client behind HTTP_GET / SSL_GET and genhash: one GET per url, read to the end of the
 * stream, the body hashed exactly as keepalived hashes it (raw bytes after the header, bounded by
 * Content-Length, chunk framing included), so a digest genhash prints is the digest the probe wants.
 */
package org.keepalive4j.check.http;
