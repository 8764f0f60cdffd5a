package org.keepalive4j.daemon;

import org.keepalive4j.mib.Notification;
import org.keepalive4j.mib.NotificationSink;

/**
 * Breaks the start-up cycle between the MIB (which needs its sink when it is built) and the AgentX
 * subagent (which needs the built MIB): the MIB gets this sink, which forwards to the subagent's once
 * it exists. Nothing raises traps before the engines start, so nothing is lost in between.
 */
final class ForwardingSink implements NotificationSink {

    private volatile NotificationSink target = NotificationSink.DISCARD;

    void forwardTo(NotificationSink sink) {
        target = sink;
    }

    @Override
    public void send(Notification notification) {
        target.send(notification);
    }
}
