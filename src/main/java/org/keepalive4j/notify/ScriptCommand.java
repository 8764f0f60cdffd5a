package org.keepalive4j.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * keepalived's rule for turning a configured script string into argv: unquoted whitespace separates
 * arguments, single quotes keep spaces inside one argument (the configuration parser has already
 * removed the double quotes around the whole string).
 */
public final class ScriptCommand {

    private ScriptCommand() {
    }

    /** @throws IllegalArgumentException for an empty command or an unterminated single quote */
    public static List<String> argv(String command) {
        List<String> args = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated single quote in script: " + command);
        }
        if (inWord) {
            args.add(word.toString());
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException("empty script command");
        }
        return args;
    }
}
