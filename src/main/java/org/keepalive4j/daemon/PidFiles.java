package org.keepalive4j.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The pid files of one run. keepalived writes one per process; keepalive4j runs every engine in one
 * JVM, so all of them hold the same pid, and the VRRP and checker files exist only when that engine
 * runs, so scripts that read them to find or signal an engine keep working.
 */
final class PidFiles {

    /** Another instance holds one of the files. */
    static final class AlreadyRunningException extends Exception {
        AlreadyRunningException(Path file, long pid) {
            super("pid file " + file + " names running process " + pid + ": another instance is running");
        }
    }

    private final List<PidFile> files;
    private final long ownPid;
    private final List<PidFile> written = new ArrayList<>();

    PidFiles(List<PidFile> files, long ownPid) {
        this.files = List.copyOf(files);
        this.ownPid = ownPid;
    }

    static PidFiles forCommandLine(CommandLine cl, long ownPid) {
        List<PidFile> files = new ArrayList<>();
        files.add(new PidFile(cl.pidFile()));
        if (cl.runsVrrp()) {
            files.add(new PidFile(cl.vrrpPidFile()));
        }
        if (cl.runsChecker()) {
            files.add(new PidFile(cl.checkersPidFile()));
        }
        return new PidFiles(files, ownPid);
    }

    /** Checks every file before writing any, so a refusal leaves nothing behind. */
    void acquire() throws AlreadyRunningException, IOException {
        for (PidFile f : files) {
            OptionalLong owner = f.runningOwner(ownPid);
            if (owner.isPresent()) {
                throw new AlreadyRunningException(f.path(), owner.getAsLong());
            }
        }
        for (PidFile f : files) {
            f.write(ownPid);
            written.add(f);
        }
    }

    /** Removes the files written by {@link #acquire()}; returns the problems, if any, for logging. */
    List<String> release() {
        List<String> problems = new ArrayList<>();
        for (PidFile f : written) {
            try {
                f.removeIfOwnedBy(ownPid);
            } catch (IOException e) {
                problems.add("cannot remove pid file " + f.path() + ": " + e.getMessage());
            }
        }
        written.clear();
        return problems;
    }
}
