package org.keepalive4j.mib.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address literal with its prefix length, as route and rule lines write them ("10.0.0.0/8", "default"). */
record Prefix(InetAddress address, int length) {

    /** Null when the text is not an address literal (a name would need DNS, which a MIB read must not do). */
    static Prefix parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("default")) {
            return new Prefix(literal("0.0.0.0"), 0);
        }
        int slash = text.indexOf('/');
        InetAddress a = literal(slash < 0 ? text : text.substring(0, slash));
        if (a == null) {
            return null;
        }
        int full = a.getAddress().length * 8;
        try {
            return new Prefix(a, slash < 0 ? full : Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses only numeric literals, never a host name. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || !(text.indexOf(':') >= 0 || text.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
