using Regional.Contracts.Monitoring.V1;
using Regional.Messaging;

namespace Regional.Placement.Domain;

public enum NotificationKind
{
    PlacementStart,
    PlacementEnd,
}

/// <summary>Where a notification stands, as the placing authority sees it.</summary>
public enum NotificationStatus
{
    /// <summary>Committed, waiting in the outbox for the broker.</summary>
    Pending,

    /// <summary>The broker confirmed it.</summary>
    Sent,

    /// <summary>The host stored it in its register (its receipt came back).</summary>
    Delivered,

    Acknowledged,

    /// <summary>Not acknowledged within the regional service level; escalated.</summary>
    Overdue,
}

/// <summary>One cross-border notice to the host, with its delivery and its clocks.</summary>
public sealed class Notification : Aggregate, IVersioned
{
    public Guid Id { get; set; }

    public Guid PlacementId { get; set; }

    public NotificationKind Kind { get; set; }

    public required string To { get; set; }

    public NotificationStatus Status { get; set; }

    /// <summary>The outbox message carrying it, so that its dispatch marks it sent.</summary>
    public Guid OutboxMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedByRole { get; set; }

    /// <summary>End of the regional acknowledgement service level.</summary>
    public DateTimeOffset AcknowledgeBy { get; set; }

    public DateTimeOffset? OverdueAt { get; set; }

    /// <summary>The statutory deadline for giving this notice (regs 13 and 14).</summary>
    public DateOnly StatutoryDueBy { get; set; }

    /// <summary>The notice was given after its statutory deadline.</summary>
    public bool GivenLate { get; set; }

    /// <summary>
    /// Optimistic concurrency: the dispatcher, the receipt and acknowledgement consumers and the
    /// overdue sweep all move a notification on; a stale write fails and is retried on fresh data.
    /// </summary>
    public int Version { get; set; }

    /// <summary>Not acknowledged within the service level: marked overdue once, and the monitor is told (metadata only).</summary>
    public void Escalate(string kindName, string from, DateTimeOffset now)
    {
        Status = NotificationStatus.Overdue;
        OverdueAt = now;
        Publish(new NotificationOverdue(Id, kindName, from, To, SentAt ?? CreatedAt, AcknowledgeBy, now));
    }

    public bool IsAwaitingAcknowledgement =>
        Status is NotificationStatus.Pending or NotificationStatus.Sent or NotificationStatus.Delivered;
}
