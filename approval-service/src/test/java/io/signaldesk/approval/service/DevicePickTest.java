package io.signaldesk.approval.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.approval.Device;
import io.signaldesk.approval.Subscription;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which device a subscription trades on: the same rule for the signal fan-out and for approve. */
class DevicePickTest {
    static Device device(UUID user) {
        Device d = new Device();
        d.id = UUID.randomUUID();
        d.userId = user;
        return d;
    }

    static Subscription sub(UUID user, UUID pinned) {
        Subscription s = new Subscription();
        s.userId = user;
        s.deviceId = pinned;
        return s;
    }

    @Test
    void unpinnedTakesTheTradersOldestActiveDeviceNeverSomeoneElses() {
        UUID user = UUID.randomUUID();
        Device other = device(UUID.randomUUID());
        Device oldest = device(user);
        Device newer = device(user);
        assertThat(Decisions.pickDevice(List.of(other, oldest, newer), sub(user, null)))
                .isSameAs(oldest);
        assertThat(Decisions.pickDevice(List.of(other), sub(user, null))).isNull();
    }

    @Test
    void pinnedTakesThatDeviceOnlyWhileItIsActive() {
        UUID user = UUID.randomUUID();
        Device oldest = device(user);
        Device pinned = device(user);
        assertThat(Decisions.pickDevice(List.of(oldest, pinned), sub(user, pinned.id)))
                .isSameAs(pinned);
        // revoked (so not in the active list): no fallback to another broker account
        assertThat(Decisions.pickDevice(List.of(oldest), sub(user, pinned.id))).isNull();
    }
}
