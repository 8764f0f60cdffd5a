package org.keepalive4j.config.text;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/**
 * One statement of the configuration: a keyword, its arguments, and — if it opened a block — the
 * statements inside. {@code children} is null for a statement without a block, and empty for "{ }".
 */
public record ConfigNode(String keyword, List<String> args, List<ConfigNode> children, SourceLocation location) {

    public ConfigNode {
        args = List.copyOf(args);
        children = children == null ? null : List.copyOf(children);
    }

    public boolean hasBlock() {
        return children != null;
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The keyword followed by its arguments, as written. */
    public List<String> words() {
        var all = new java.util.ArrayList<String>(args.size() + 1);
        all.add(keyword);
        all.addAll(args);
        return all;
    }
}
