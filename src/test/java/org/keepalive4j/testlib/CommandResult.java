package org.keepalive4j.testlib;

import java.util.List;

/** A finished command: what was run, how it exited and everything it printed. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** Returns this result when the command succeeded; otherwise fails with everything it printed. */
    public CommandResult orThrow() {
        if (!ok()) {
            throw new IllegalStateException(describe());
        }
        return this;
    }

    public String describe() {
        return String.join(" ", command) + " exited " + exitCode
                + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
