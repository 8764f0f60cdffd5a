package org.keepalive4j.config.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a logical line into words the way keepalived does: whitespace separates words, '"' and '\''
 * quote parts of a word (the quotes are removed, whitespace inside is kept), backslash escapes work
 * inside quotes, and an unquoted '{' or '}' is always a word of its own.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(LogicalLine line, int lineIndex) {
        String s = line.text();
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length()) {
                    i = unescape(s, i + 1, word);
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    tokens.add(new Token(word.toString(), quoted, line.location(), lineIndex));
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else if (c == '{' || c == '}') {
                if (inWord) {
                    tokens.add(new Token(word.toString(), quoted, line.location(), lineIndex));
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
                tokens.add(new Token(String.valueOf(c), false, line.location(), lineIndex));
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            tokens.add(new Token(word.toString(), quoted, line.location(), lineIndex));
        }
        return tokens;
    }

    /** Appends the character escaped at s[i] (after the backslash); returns the index of its last char. */
    private static int unescape(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'E' -> out.append('\u001b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'c' -> {
                if (i + 1 < s.length()) {
                    out.append((char) (Character.toUpperCase(s.charAt(i + 1)) ^ 0x40));
                    return i + 1;
                }
                out.append(c);
            }
            case 'x' -> {
                int j = i + 1;
                int v = 0;
                while (j < s.length() && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
                    v = v * 16 + Character.digit(s.charAt(j), 16);
                    j++;
                }
                if (j == i + 1) {
                    out.append(c);
                    return i;
                }
                out.append((char) v);
                return j - 1;
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int j = i;
                    int v = 0;
                    while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        v = v * 8 + (s.charAt(j) - '0');
                        j++;
                    }
                    out.append((char) (v & 0xff));
                    return j - 1;
                }
                out.append(c);
            }
        }
        return i;
    }
}
