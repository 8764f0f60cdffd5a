package org.keepalive4j.vrrp.fsm;

/**
 * Receives what the state machines ask the engine to do. A sync group member can act on behalf of
 * the others, so each action names the instance it is for.
 */
@FunctionalInterface
public interface ActionSink {
    void emit(VrrpStateMachine instance, VrrpAction action);
}
