package org.keepalive4j.config.bind;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keepalive4j.config.text.ConfigNode;

/**
 * The keywords a block accepts, each bound to a small handler: adding a keyword is one line.
 * Unknown keywords are warnings (keepalived's behaviour) with a "did you mean" hint, and their
 * sub-block is skipped.
 */
public final class BlockSpec<D> {

    private final String blockName;
    private final Map<String, Handler<D>> handlers = new LinkedHashMap<>();

    public BlockSpec(String blockName) {
        this.blockName = blockName;
    }

    public BlockSpec<D> on(String keyword, Handler<D> handler) {
        if (handlers.put(keyword, handler) != null) {
            throw new IllegalStateException("keyword bound twice in " + blockName + ": " + keyword);
        }
        return this;
    }

    /** Several spellings for one meaning (keepalived keeps old names as aliases). */
    public BlockSpec<D> on(List<String> keywords, Handler<D> handler) {
        keywords.forEach(k -> on(k, handler));
        return this;
    }

    /** Keywords keepalived accepts that we keep verbatim without acting on them. */
    public BlockSpec<D> accept(Collection<String> keywords, Handler<D> handler) {
        for (String k : keywords) {
            handlers.putIfAbsent(k, handler);
        }
        return this;
    }

    public Set<String> keywords() {
        return handlers.keySet();
    }

    public boolean knows(String keyword) {
        return handlers.containsKey(keyword);
    }

    public void bind(List<ConfigNode> statements, D draft, BindContext ctx) {
        if (statements == null) {
            return;
        }
        for (ConfigNode n : statements) {
            Handler<D> h = handlers.get(n.keyword());
            if (h == null) {
                ctx.unknownKeyword(n, blockName, handlers.keySet());
            } else {
                h.apply(n, draft, ctx);
            }
        }
    }
}
