package org.keepalive4j.daemon;

/** The version stamped into the jar manifest by the build. */
final class Version {

    private Version() {
    }

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    static String banner() {
        return "keepalive4j " + current() + "\n"
                + "Compatible with keepalived 2.2: same keepalived.conf, same command-line options.\n";
    }
}
