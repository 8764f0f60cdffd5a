package org.keepalive4j.vrrp.packet;

import java.util.Objects;

/** The decoder's answer: an accepted advert or the reason the packet was dropped. */
public sealed interface DecodeResult {

    record Accepted(DecodedAdvert advert) implements DecodeResult {
        public Accepted {
            Objects.requireNonNull(advert, "advert");
        }
    }

    record Dropped(DropReason reason) implements DecodeResult {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
