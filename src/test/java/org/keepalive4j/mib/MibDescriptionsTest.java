package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.mib.SmiReader.Definition;
import org.keepalive4j.mib.SmiReader.Module;

/**
 * The licence boundary: our KEEPALIVED-MIB shares facts with keepalived's, never its prose. No
 * DESCRIPTION equals keepalived's (whitespace normalised), and no run of {@value #RUN} words of
 * keepalived's prose (descriptions, organisation, contact, revision notes) appears in ours.
 */
class MibDescriptionsTest {

    static final int RUN = 8;

    @Test
    void noDescriptionEqualsTheReferences() {
        Module ref = MibFiles.readReference();
        Module ours = MibFiles.readOurs();
        List<String> same = new ArrayList<>();
        int compared = 0;
        for (Definition o : ours.definitions().values()) {
            Definition r = ref.definitions().get(o.name());
            if (r == null) {
                continue;
            }
            Set<String> theirs = new HashSet<>();
            r.prose().forEach(p -> theirs.add(normalise(p)));
            for (String p : o.prose()) {
                compared++;
                if (theirs.contains(normalise(p))) {
                    same.add(o.name() + ": \"" + normalise(p) + "\"");
                }
            }
        }
        assertTrue(compared > 500, "compared only " + compared + " texts");
        assertTrue(same.isEmpty(), "texts identical to keepalived's:\n" + String.join("\n", same));
    }

    @Test
    void noRunOfEightWordsComesFromTheReference() {
        Module ref = MibFiles.readReference();
        Module ours = MibFiles.readOurs();
        Set<String> theirRuns = new HashSet<>();
        for (Definition r : ref.definitions().values()) {
            r.prose().forEach(p -> theirRuns.addAll(runs(p)));
        }
        assertFalse(theirRuns.isEmpty());
        List<String> copied = new ArrayList<>();
        for (Definition o : ours.definitions().values()) {
            for (String p : o.prose()) {
                for (String run : runs(p)) {
                    if (theirRuns.contains(run)) {
                        copied.add(o.name() + ": \"" + run + "\"");
                    }
                }
            }
        }
        assertTrue(copied.isEmpty(), "runs of " + RUN + " words found in keepalived's text:\n"
                + String.join("\n", copied));
    }

    /** The check itself: a copied sentence is caught even when re-wrapped and re-cased. */
    @Test
    void theRunCheckFindsARewrappedCopy() {
        String original = "The quick brown fox jumps over the lazy dog near the river bank.";
        String rewrapped = "Intro.  THE quick brown fox\n   jumps over the lazy   dog, near here.";
        Set<String> theirs = new HashSet<>(runs(original));
        assertTrue(runs(rewrapped).stream().anyMatch(theirs::contains));
        assertEquals(normalise(" a\n  b\tc "), "a b c");
    }

    static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    /** Every sequence of RUN consecutive words, lower-cased, punctuation dropped. */
    static List<String> runs(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}_]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return out;
    }
}
