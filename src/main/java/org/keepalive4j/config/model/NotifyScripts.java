package org.keepalive4j.config.model;

/** The notify scripts of an instance or sync group; each is null when not configured. */
public record NotifyScripts(ScriptSpec master, ScriptSpec backup, ScriptSpec fault, ScriptSpec stop,
                            ScriptSpec any, ScriptSpec masterRxLowerPri, ScriptSpec deleted) {

    public static final NotifyScripts NONE = new NotifyScripts(null, null, null, null, null, null, null);
}
