package org.keepalive4j.daemon;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where SIGUSR1 and SIGUSR2 write: keepalived's /tmp/keepalived.data and /tmp/keepalived.stats. The
 * environment variable KEEPALIVE4J_DUMP_DIR moves both into another directory, so that tests and
 * several instances on one host do not overwrite each other's dumps.
 */
record DumpFiles(Path data, Path stats) {

    static final String DIR_VARIABLE = "KEEPALIVE4J_DUMP_DIR";

    static DumpFiles fromEnvironment(Map<String, String> env) {
        String dir = env.get(DIR_VARIABLE);
        Path base = dir == null || dir.isBlank() ? Path.of("/tmp") : Path.of(dir);
        return new DumpFiles(base.resolve("keepalived.data"), base.resolve("keepalived.stats"));
    }
}
