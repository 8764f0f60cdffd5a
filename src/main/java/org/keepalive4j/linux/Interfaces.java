package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;

/** Interface name to index, in the calling thread's network namespace. */
public final class Interfaces {

    private Interfaces() {
    }

    /** if_nametoindex(3); ENODEV when there is no such interface. */
    public static int index(String name) throws ErrnoException {
        try {
            int index = LibC.if_nametoindex(name);
            if (index == 0) {
                throw new ErrnoException(Errno.ENODEV, "interface " + name);
            }
            return index;
        } catch (LastErrorException e) {
            throw Errno.check(e, "interface " + name);
        }
    }
}
