package io.signaldesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {
    /**
     * The kernel offers a closed probe's port again: ReconciliationIT once got the same port for a
     * broker's client and controller listeners, and the broker refused to start.
     */
    @Test
    void freePortsAreNeverHandedOutTwice() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ports.add(Ports.free());
        }
        assertThat(ports).doesNotHaveDuplicates();
    }
}
