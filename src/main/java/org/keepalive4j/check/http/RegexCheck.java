package org.keepalive4j.check.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.keepalive4j.config.model.check.HttpUrl;

/**
 * A url's {@code regex}, matched against the body.
 *
 * <p>keepalived uses PCRE2; this is java.util.regex. The common syntax (classes, quantifiers, groups,
 * anchors, look-around, \d \w \s, lazy quantifiers) behaves the same. Differences an operator may meet:
 * PCRE2-only constructs (recursion {@code (?R)}, {@code \K}, callouts, backtracking verbs
 * {@code (*SKIP)}) do not compile here, and the url then always fails with "invalid regex";
 * {@code ungreedy} and the other PCRE2 compile options without a Java equivalent are ignored. The
 * body is matched as bytes (ISO-8859-1, one char a byte) so offsets are byte offsets as in keepalived,
 * unless {@code utf} is set. keepalived matches the stream piece by piece (partial matching); here the
 * first {@link #BODY_LIMIT} bytes of the body are kept and matched at once.
 */
public final class RegexCheck {

    /** How much of a body is kept for matching. */
    public static final int BODY_LIMIT = 1 << 20;

    private final Pattern pattern;
    private final String error;
    private final boolean utf;
    private final boolean noMatch;
    private final int minOffset;
    private final Integer maxOffset;

    private RegexCheck(Pattern pattern, String error, boolean utf, HttpUrl url) {
        this.pattern = pattern;
        this.error = error;
        this.utf = utf;
        this.noMatch = url.regexNoMatch();
        this.minOffset = url.regexMinOffset() == null ? 0 : url.regexMinOffset();
        this.maxOffset = url.regexMaxOffset();
    }

    /** null when the url has no regex. */
    public static RegexCheck of(HttpUrl url) {
        if (url.regex() == null) {
            return null;
        }
        List<String> options = url.regexOptions();
        int flags = 0;
        for (String o : options) {
            if (o.equals("caseless")) {
                flags |= Pattern.CASE_INSENSITIVE;
            } else if (o.equals("multiline")) {
                flags |= Pattern.MULTILINE;
            } else if (o.equals("dotall")) {
                flags |= Pattern.DOTALL;
            } else if (o.equals("extended")) {
                flags |= Pattern.COMMENTS;
            } else if (o.equals("ucp")) {
                flags |= Pattern.UNICODE_CHARACTER_CLASS;
            }
        }
        if (options.contains("caseless") && options.contains("utf")) {
            flags |= Pattern.UNICODE_CASE;
        }
        try {
            return new RegexCheck(Pattern.compile(url.regex(), flags), null, options.contains("utf"), url);
        } catch (PatternSyntaxException e) {
            return new RegexCheck(null, "invalid regex '" + url.regex() + "': " + e.getDescription(), false, url);
        }
    }

    /** null when the body passes; otherwise why it does not. */
    public String judge(byte[] body, String path) {
        if (pattern == null) {
            return error + " for " + path;
        }
        boolean matched = matches(body);
        if (matched == noMatch) {
            return matched
                    ? "regex '" + pattern.pattern() + "' matched " + path + " (regex_no_match)"
                    : "regex '" + pattern.pattern() + "' did not match " + path;
        }
        return null;
    }

    boolean matches(byte[] body) {
        String text = new String(body, utf ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (minOffset > text.length()) {
            return false;
        }
        Matcher m = pattern.matcher(text);
        // the text before min_offset is still visible to look-behind, as in PCRE2's start offset
        m.region(minOffset, text.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        if (!m.find()) {
            return false;
        }
        // regex_max_offset: the last position a match may start at
        return maxOffset == null || m.start() <= maxOffset;
    }
}
