package org.keepalive4j.config.bind;

import org.keepalive4j.config.text.ConfigNode;

/** Applies one keyword's statement to the draft of the block it appears in. */
@FunctionalInterface
public interface Handler<D> {
    void apply(ConfigNode node, D draft, BindContext ctx);
}
