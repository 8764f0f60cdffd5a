package org.keepalive4j.config.text;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.Diagnostics;
import org.keepalive4j.config.SourceLocation;

/**
 * Builds the statement tree from logical lines. A statement is the words of one line up to a brace;
 * a '{' that ends the line, or stands at the start of the next line, opens the statement's block.
 * Several statements may share a line ("notification_email { a@b }"). Unbalanced braces are
 * structural errors naming the line of the brace and the block it belongs to.
 */
public final class TreeBuilder {

    private final List<Token> tokens = new ArrayList<>();
    private final Diagnostics diagnostics;
    private int pos;

    private TreeBuilder(List<LogicalLine> lines, Diagnostics diagnostics) {
        for (int i = 0; i < lines.size(); i++) {
            tokens.addAll(Tokenizer.tokenize(lines.get(i), i));
        }
        this.diagnostics = diagnostics;
    }

    public static List<ConfigNode> build(List<LogicalLine> lines, Diagnostics diagnostics) {
        TreeBuilder b = new TreeBuilder(lines, diagnostics);
        return b.block(null);
    }

    /** Reads statements until the '}' closing {@code owner}, or until the end for the top level. */
    private List<ConfigNode> block(ConfigNode owner) {
        List<ConfigNode> nodes = new ArrayList<>();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.isCloseBrace()) {
                pos++;
                if (owner == null) {
                    diagnostics.error(t.location(), "}", "'}' without a matching '{'");
                    continue;
                }
                return nodes;
            }
            if (t.isOpenBrace()) {
                // A block with no keyword in front of it: keep the structure balanced, drop the content.
                pos++;
                diagnostics.error(t.location(), "{", "'{' does not follow a keyword");
                block(new ConfigNode("{", List.of(), null, t.location()));
                continue;
            }
            nodes.add(statement());
        }
        if (owner != null) {
            diagnostics.error(owner.location(), owner.keyword(),
                    "block opened here is never closed (missing '}')");
        }
        return nodes;
    }

    private ConfigNode statement() {
        Token first = tokens.get(pos++);
        SourceLocation where = first.location();
        List<String> args = new ArrayList<>();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.isOpenBrace() || t.isCloseBrace() || !sameLine(t, first)) {
                break;
            }
            args.add(t.text());
            pos++;
        }
        // The '{' may end this line or start the next one.
        if (pos < tokens.size() && tokens.get(pos).isOpenBrace()) {
            pos++;
            ConfigNode header = new ConfigNode(first.text(), args, null, where);
            List<ConfigNode> children = block(header);
            return new ConfigNode(first.text(), args, children, where);
        }
        return new ConfigNode(first.text(), args, null, where);
    }

    private static boolean sameLine(Token a, Token b) {
        return a.lineIndex() == b.lineIndex();
    }
}
