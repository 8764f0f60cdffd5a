package org.keepalive4j.config.text;

import org.keepalive4j.config.SourceLocation;

/**
 * One word of a configuration line. {@code quoted} is true when any part of it was inside quotes, so a
 * quoted "{" is a value, not a block delimiter. {@code lineIndex} numbers logical lines, which is not the
 * same as the source line: one source line can expand to many (~SEQ, multi-line definitions).
 */
public record Token(String text, boolean quoted, SourceLocation location, int lineIndex) {

    public boolean isOpenBrace() {
        return !quoted && text.equals("{");
    }

    public boolean isCloseBrace() {
        return !quoted && text.equals("}");
    }
}
