package org.keepalive4j.config.model.check;

import org.keepalive4j.config.SourceLocation;

/**
 * UDP_CHECK: sends a datagram; an ICMP error means down.
 *
 * @param payload       upper-case hex, two digits a byte; null: random payload
 * @param requireReply  a reply must arrive (with a length within min..max)
 * @param replyPattern  upper-case hex the reply must start with, X for an ignored digit; null: any
 */
public record UdpCheck(CheckerCommon common, String payload, boolean requireReply, String replyPattern,
                       int minReplyLength, int maxReplyLength, SourceLocation location) implements Checker {

    public static final int DEFAULT_MAX_REPLY_LENGTH = 255;
}
