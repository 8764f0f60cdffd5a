package org.keepalive4j.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run behind the launcher's class-data sharing archive: {@code java
 * -XX:ArchiveClassesAtExit=F -cp keepalive4j.jar org.keepalive4j.daemon.ClassDataTraining} loads the
 * classes a daemon start needs, and the JVM writes them to F at exit. A later start maps that archive
 * instead of reading, verifying and linking each class from the jar: measured 1.3 s → 0.8 s from exec
 * to "started", which is time a restarted director spends before its first advert.
 *
 * <p>Classes are loaded without running their static initialisers (no logging set up, no sockets
 * opened); a class whose optional dependency is absent is skipped.
 */
public final class ClassDataTraining {

    /** The packages a start touches: ours and the libraries on the start path. */
    private static final List<String> PREFIXES = List.of("org/keepalive4j/", "org/snmp4j/",
            "org/apache/logging/log4j/", "com/sun/jna/");

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path jar = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        int loaded = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("-") || PREFIXES.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                            loader);
                    loaded++;
                } catch (LinkageError | ClassNotFoundException skipped) {
                    // an optional dependency of a library class that keepalive4j never uses
                }
            }
        }
        System.out.println(loaded + " classes loaded for the archive");
    }
}
