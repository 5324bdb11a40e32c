package io.signaldesk.approval.service;

import io.signaldesk.approval.Approval;
import io.signaldesk.approval.ApprovalHistory;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.SignalRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a decision writes, the same for a trader's approve or reject and for an auto-approval in the
 * fan-out: the approval's new state, its history entry and, when approved, the OPEN command for the
 * device. Builds rows; the caller persists them in its transaction.
 */
final class Decisions {
    private Decisions() {}

    static List<Object> decide(
            Approval a,
            Approval.Status to,
            String actor,
            String reason,
            BigDecimal volume,
            Device device,
            SignalRecord s,
            Duration openCommandGrace) {
        Approval.Status from = a.status;
        a.status = to;
        a.volume = volume;
        a.decidedAt = Instant.now();
        List<Object> rows = new ArrayList<>(2);
        rows.add(ApprovalHistory.of(a.id, from, to, actor, reason, volume));
        if (to == Approval.Status.APPROVED) {
            rows.add(openCommand(a, device, s, volume, openCommandGrace));
        }
        return rows;
    }

    private static Command openCommand(Approval a, Device device, SignalRecord s, BigDecimal volume, Duration grace) {
        Command c = new Command();
        c.id = UUID.randomUUID();
        c.deviceId = device.id;
        c.userId = a.userId;
        c.approvalId = a.id;
        c.type = Command.Type.OPEN;
        c.instrument = s.instrument;
        c.side = s.side;
        c.volume = volume;
        c.entry = s.entry;
        c.stopLoss = s.stopLoss;
        c.takeProfit = s.takeProfit;
        c.status = Command.Status.PENDING;
        c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.expiresAt = s.expiresAt.plus(grace);
        return c;
    }

    /**
     * The device a subscription trades on: the one it names, only while active (never another
     * broker account than the trader chose), or else the trader's oldest active device.
     */
    static Device pickDevice(List<Device> activeDevices, io.signaldesk.approval.Subscription sub) {
        for (Device d : activeDevices) {
            if (d.userId.equals(sub.userId) && (sub.deviceId == null || d.id.equals(sub.deviceId))) {
                return d; // oldest first
            }
        }
        return null;
    }
}
