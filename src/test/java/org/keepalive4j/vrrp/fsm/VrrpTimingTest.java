package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VrrpTimingTest {

    @ParameterizedTest(name = "v{0} priority {1} interval {2} µs -> master down {3} µs")
    @CsvSource({
            "2, 100, 1000000, 3609375",
            "2, 150, 1000000, 3414062",
            "2, 254, 1000000, 3007812",
            "2, 255, 1000000, 3003906",
            "2, 100, 3000000, 9609375",
            "3, 100, 1000000, 3609375",
            "3, 150, 10000, 34140",
            "3, 100, 10000, 36093",
            "3, 100, 100000, 360937",
    })
    void masterDownInterval(int version, int priority, long intervalMicros, long expected) {
        assertEquals(expected, VrrpTiming.masterDownMicros(version, 3, priority, priority, intervalMicros));
    }

    @ParameterizedTest(name = "v{0} {1} ms -> {2} µs")
    @CsvSource({
            "2, 1000, 1000000",
            "2, 1400, 1000000",
            "2, 1500, 2000000",
            "2, 100, 1000000",
            "2, 300000, 255000000",
            "3, 10, 10000",
            "3, 1, 10000",
            "3, 14, 10000",
            "3, 15, 20000",
            "3, 50000, 40950000",
    })
    void advertIntervalIsRoundedAsKeepalivedDoes(int version, long millis, long expected) {
        assertEquals(expected, VrrpTiming.normalizedAdvertIntervalMicros(Duration.ofMillis(millis), version));
    }
}
