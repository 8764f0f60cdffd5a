package org.keepalive4j.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotifyMessagesTest {

    @Test
    void messagesAreNewlineSeparatedAssignments() {
        assertEquals("READY=1\nSTATUS=Running", NotifyMessages.ready("Running"));
        assertEquals("RELOADING=1\nMONOTONIC_USEC=123456789\nSTATUS=Reloading /etc/k.conf",
                NotifyMessages.reloading(123_456_789L, "Reloading /etc/k.conf"));
        assertEquals("STOPPING=1\nSTATUS=Stopping", NotifyMessages.stopping("Stopping"));
        assertEquals("WATCHDOG=1", new String(NotifyMessages.WATCHDOG, StandardCharsets.UTF_8));
    }

    @Test
    void aStatusCannotSmuggleInAnotherAssignment() {
        assertEquals("STATUS=bad", NotifyMessages.status("bad\nREADY=1"));
        assertEquals("READY=1\nSTATUS=x", NotifyMessages.ready("x\nSTOPPING=1"));
    }
}
