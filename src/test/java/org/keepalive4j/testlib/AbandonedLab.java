package org.keepalive4j.testlib;

/**
 * A JVM that opens a lab, starts a process in it and never closes it: NetnsLabIT signals it to prove
 * that the shutdown hook tears the lab down. Prints "lab NAME ready" once the process runs; its
 * argument is the sleep length that lets the test find that process.
 */
public final class AbandonedLab {

    private AbandonedLab() {
    }

    public static void main(String[] args) throws InterruptedException {
        String sleepSeconds = args[0];
        NetnsLab lab = NetnsLab.start(1);
        lab.host(1).start("sleeper", "sleep", sleepSeconds);
        System.out.println("lab " + lab.name() + " ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
