namespace Regional.Placement.Domain;

/// <summary>
/// A child placed in this authority's area by another authority (the host's register of
/// incoming children). Holds only what the placing authority sent.
/// </summary>
public sealed class RegisterEntry
{
    public Guid PlacementId { get; set; }

    public required string PlacingAuthority { get; set; }

    public required ChildRecord Child { get; set; }

    public required string LegalStatus { get; set; }

    public required string PlacementType { get; set; }

    public DateOnly StartDate { get; set; }

    public required AddressRecord Address { get; set; }

    public bool IsEmergency { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? EndReason { get; set; }

    /// <summary>As the placing authority last shared it (on consent or an override); null when it has not.</summary>
    public HealthRecord? Health { get; set; }

    public string? ExploitationRisks { get; set; }

    public List<IncomingNotice> Notices { get; set; } = [];
}

/// <summary>A notice received from a placing authority, and whether we acknowledged it.</summary>
public sealed class IncomingNotice
{
    /// <summary>The placing authority's notification id.</summary>
    public Guid NotificationId { get; set; }

    public Guid PlacementId { get; set; }

    public NotificationKind Kind { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset AcknowledgeBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Subject of the user or client who acknowledged (staff, not the child).</summary>
    public string? AcknowledgedBy { get; set; }
}
