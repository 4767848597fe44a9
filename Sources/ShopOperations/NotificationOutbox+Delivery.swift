import ShopDomain

extension NotificationOutbox {
    /// Applies delivery outcomes in order. A `failed` attempt moves the entry to
    /// its next attempt: a retry on the same channel while its retries last,
    /// else the next channel; when none is left the entry is `FAILED`, a
    /// `NotificationFailed` event is emitted and the appointment is marked for
    /// manual follow-up. An outcome for anything but the pending attempt is
    /// ignored, so feeding the same outcomes twice changes nothing.
    public func applying(
        _ outcomes: [DeliveryOutcome], at now: LocalDateTime, facility: String,
        ids: any BookingIDGenerator = StableIDGenerator()
    ) -> DeliveryUpdate {
        var update = DeliveryUpdate(outbox: self, events: [], followUps: [], ignored: [])
        for outcome in outcomes {
            guard let e = update.outbox.entries.firstIndex(where: { $0.notificationId == outcome.notificationId }),
                update.outbox.entries[e].status == .pending, update.outbox.entries[e].channel == outcome.channel,
                update.outbox.entries[e].attempt == outcome.attempt
            else {
                update.ignored.append(outcome)
                continue
            }
            var entry = update.outbox.entries[e]
            entry.attempts.append(
                DeliveryAttempt(
                    channel: outcome.channel, attempt: outcome.attempt, outcome: outcome.result,
                    at: now.description, detail: outcome.detail))
            switch outcome.result {
            case .delivered:
                entry.status = .delivered
            case .failed:
                let c = entry.channels.firstIndex { $0.channel == entry.channel } ?? entry.channels.count
                if c < entry.channels.count, entry.attempt <= entry.channels[c].retries {
                    entry.attempt += 1
                } else if c + 1 < entry.channels.count {
                    entry.channel = entry.channels[c + 1].channel
                    entry.attempt = 1
                } else {
                    entry.status = .failed
                    update.events.append(
                        NotificationFailedEvent(
                            eventId: ids.id(
                                kind: "EVT", requestKey: entry.notificationId, facility: facility, index: 0),
                            notificationId: entry.notificationId, appointmentId: entry.appointmentId,
                            recipientKind: entry.recipientKind, recipientId: entry.recipientId,
                            occurredAt: now.description,
                            facilityId: facility, attempts: entry.attempts.count))
                    update.followUps.append(
                        ManualFollowUp(
                            appointmentId: entry.appointmentId, notificationId: entry.notificationId,
                            reason:
                                "the \(entry.recipientKind.rawValue.lowercased()) \(entry.recipientId) could not be told by \(entry.channels.map(\.channel.rawValue).joined(separator: " or ")) after \(entry.attempts.count) attempts"
                        ))
                }
            }
            update.outbox.entries[e] = entry
        }
        return update
    }
}
