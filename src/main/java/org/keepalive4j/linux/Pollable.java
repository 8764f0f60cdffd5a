package org.keepalive4j.linux;

/** Something backed by a file descriptor that a {@link Poller} can watch for readability. */
public interface Pollable {

    int fd();
}
