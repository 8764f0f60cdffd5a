package org.keepalive4j.daemon;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The few libc calls the JDK does not offer. Loaded on first use, so -v, -h and -t never touch JNA. */
interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    int LOG_PID = 0x01;
    int LOG_NDELAY = 0x08;

    int umask(int mask);

    /** openlog(3) keeps the ident pointer, so it must point at memory that is never freed. */
    void openlog(Pointer ident, int option, int facility);

    void syslog(int priority, String format, Object... args);
}
