package org.keepalive4j.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keepalive4j.linux.UnixDatagramSocket;

class NotifyEnvironmentTest {

    private static final long PID = 4242;

    @Test
    void withoutNotifySocketThereIsNothingToTell() {
        assertSame(NotifyEnvironment.NONE, NotifyEnvironment.parse(Map.of(), PID));
        assertSame(NotifyEnvironment.NONE, NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", ""), PID));
        // a watchdog without a socket to ping cannot be served
        assertSame(NotifyEnvironment.NONE, NotifyEnvironment.parse(Map.of("WATCHDOG_USEC", "1000000"), PID));
    }

    @Test
    void aPathAndAnAbstractName() {
        NotifyEnvironment path = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), PID);
        assertEquals(UnixDatagramSocket.Address.path("/run/systemd/notify"), path.socket());
        assertNull(path.watchdog());
        assertEquals(Optional.empty(), path.pingInterval());

        NotifyEnvironment abstractName = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "@sd-notify/x"), PID);
        assertEquals(UnixDatagramSocket.Address.abstractName("sd-notify/x"), abstractName.socket());
        assertEquals("@sd-notify/x", abstractName.socket().toString());
        assertNull(abstractName.problem());
    }

    @Test
    void aRelativeOrOverlongSocketIsIgnoredWithAReason() {
        NotifyEnvironment relative = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "run/notify"), PID);
        assertNull(relative.socket());
        assertTrue(relative.problem().contains("'run/notify' is neither an absolute path nor @name"), relative.problem());

        NotifyEnvironment tooLong = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(107)), PID);
        assertNull(tooLong.socket());
        assertTrue(tooLong.problem().contains("longer than 107 bytes"), tooLong.problem());
        // 107 bytes and the NUL fill sun_path exactly
        assertEquals(107, NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(106)), PID)
                .socket().name().length());
    }

    @Test
    void theWatchdogIsPingedAtHalfItsTimeout() {
        NotifyEnvironment e = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", "500000"), PID);
        assertEquals(Duration.ofMillis(500), e.watchdog());
        assertEquals(Optional.of(Duration.ofMillis(250)), e.pingInterval());
        NotifyEnvironment own = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", "10000000",
                "WATCHDOG_PID", "4242"), PID);
        assertEquals(Optional.of(Duration.ofSeconds(5)), own.pingInterval());
    }

    @Test
    void aWatchdogMeantForAnotherProcessOrMalformedIsIgnoredButNotificationsStay() {
        NotifyEnvironment other = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", "500000",
                "WATCHDOG_PID", "1"), PID);
        assertEquals(UnixDatagramSocket.Address.path("/n"), other.socket());
        assertNull(other.watchdog());
        assertTrue(other.problem().contains("WATCHDOG_PID is 1, not this process (4242)"), other.problem());

        for (String bad : new String[] {"0", "-5", "soon", "1e6"}) {
            NotifyEnvironment e = NotifyEnvironment.parse(Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", bad), PID);
            assertNull(e.watchdog(), bad);
            assertEquals(UnixDatagramSocket.Address.path("/n"), e.socket());
            assertTrue(e.problem().contains("'" + bad + "' is not a positive number of microseconds"), e.problem());
        }
    }
}
