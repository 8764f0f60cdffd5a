package org.keepalive4j.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one parse. Owned by the parsing thread; not shared. */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();
    private int errors;

    public void error(SourceLocation where, String keyword, String message) {
        all.add(new Diagnostic(Diagnostic.Severity.ERROR, where, keyword, message));
        errors++;
    }

    public void warning(SourceLocation where, String keyword, String message) {
        all.add(new Diagnostic(Diagnostic.Severity.WARNING, where, keyword, message));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> !d.isError()).toList();
    }
}
