package org.keepalive4j.config.bind;

import java.util.List;
import java.util.Locale;
import org.keepalive4j.config.text.ConfigNode;

/**
 * keepalived's free-format hex strings (UDP_CHECK payload and require_reply): each word is read two
 * digits a byte, and an odd last digit is a byte of its own, so "Ab12f 3" is AB 12 0F 03.
 */
final class HexString {

    private HexString() {
    }

    /** Canonical upper-case hex, two digits a byte; null after reporting a bad digit. */
    static String parse(ConfigNode n, List<String> words, boolean allowWildcard, BindContext c) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            String word = w.toUpperCase(Locale.ROOT);
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                boolean ok = Character.digit(ch, 16) >= 0 || (allowWildcard && ch == 'X');
                if (!ok) {
                    c.error(n, "'" + w + "' is not a hex string" + (allowWildcard ? " (X allowed for any digit)" : ""));
                    return null;
                }
            }
            for (int i = 0; i < word.length(); i += 2) {
                out.append(i + 1 < word.length() ? word.substring(i, i + 2) : "0" + word.charAt(i));
            }
        }
        return out.toString();
    }
}
