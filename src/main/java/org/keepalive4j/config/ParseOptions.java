package org.keepalive4j.config;

/**
 * How to read a configuration.
 *
 * @param configId     compared with {@code @id} / {@code @^id} line prefixes (keepalived's -i; defaults to
 *                     the first label of the host name)
 * @param strictIncludes an include that matches nothing or cannot be read is an error, not a warning
 *                     (keepalived's -e / --all-config)
 */
public record ParseOptions(String configId, boolean strictIncludes) {

    public static ParseOptions defaults() {
        return new ParseOptions(defaultConfigId(), false);
    }

    public ParseOptions withConfigId(String id) {
        return new ParseOptions(id, strictIncludes);
    }

    public ParseOptions withStrictIncludes(boolean strict) {
        return new ParseOptions(configId, strict);
    }

    /**
     * keepalived uses the node name (uname) up to the first dot. Read from the kernel rather than
     * through a name lookup, which could wait on DNS.
     */
    public static String defaultConfigId() {
        String host;
        try {
            host = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
