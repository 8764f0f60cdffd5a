package org.keepalive4j.linux;

/**
 * One netlink message: the fields of {@code struct nlmsghdr} and the payload after it (the family header,
 * e.g. ifaddrmsg, then attributes). The payload excludes the padding that aligns the next message.
 */
public record NetlinkMessage(int type, int flags, int sequence, int portId, byte[] payload) {
}
