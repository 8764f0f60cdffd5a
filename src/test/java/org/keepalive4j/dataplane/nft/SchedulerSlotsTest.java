package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;

class SchedulerSlotsTest {

    @Test
    void rrGivesOneSlotPerDestinationWithWeight() throws Exception {
        assertEquals(List.of(0, 2), SchedulerSlots.slots(LvsScheduler.RR, List.of(3, 0, 7)));
    }

    @Test
    void wrrReducesByTheGcdAndInterleaves() throws Exception {
        assertEquals(List.of(0, 1, 2, 1, 2, 2), SchedulerSlots.slots(LvsScheduler.WRR, List.of(10, 20, 30)));
    }

    @Test
    void allWeightsZeroMeansNoSlot() throws Exception {
        assertTrue(SchedulerSlots.slots(LvsScheduler.SH, List.of(0, 0)).isEmpty());
    }

    @Test
    void tooManySlotsIsRefusedWithAHint() {
        DataplaneException e = assertThrows(DataplaneException.class,
                () -> SchedulerSlots.slots(LvsScheduler.WRR, List.of(65535, 65534)));
        assertTrue(e.getMessage().contains("use smaller weights"), e.getMessage());
    }
}
