package org.keepalive4j.dataplane.nft;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;

/**
 * The slots of a service's scheduling map: {@code numgen inc mod N} (rr, wrr) or {@code jhash ... mod N}
 * (sh, dh) picks slot i, and the slot names a destination. rr gives every destination with weight > 0
 * one slot; the weighted schedulers give each weight/gcd slots, interleaved so that consecutive
 * connections already alternate. Weight 0 means no slot: no new connections, while conntrack keeps the
 * established ones going.
 */
final class SchedulerSlots {

    /** Beyond this the map is a poor way to express the weights; the operator should scale them down. */
    static final int MAX_SLOTS = 65536;

    private SchedulerSlots() {
    }

    /**
     * @param weights weight per destination, in destination order
     * @return indexes into {@code weights}, one per slot; empty when no destination may take connections
     */
    static List<Integer> slots(LvsScheduler scheduler, List<Integer> weights) throws DataplaneException {
        List<Integer> remaining = new ArrayList<>();
        int gcd = 0;
        for (int w : weights) {
            if (w > 0) {
                gcd = gcd(gcd, w);
            }
        }
        for (int w : weights) {
            int share = w <= 0 ? 0 : (scheduler == LvsScheduler.RR ? 1 : w / gcd);
            remaining.add(share);
        }
        long total = remaining.stream().mapToLong(Integer::longValue).sum();
        if (total > MAX_SLOTS) {
            throw new DataplaneException("weights " + weights + " need " + total + " scheduling slots, more than "
                    + MAX_SLOTS + "; use smaller weights with the same ratios");
        }
        List<Integer> out = new ArrayList<>((int) total);
        while (out.size() < total) {
            for (int i = 0; i < remaining.size(); i++) {
                if (remaining.get(i) > 0) {
                    out.add(i);
                    remaining.set(i, remaining.get(i) - 1);
                }
            }
        }
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
