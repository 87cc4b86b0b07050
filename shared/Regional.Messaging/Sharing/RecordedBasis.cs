namespace Regional.Messaging;

/// <summary>
/// This service's copy of a lawful basis its own authority's consent service recorded for one of
/// its children (consent, or a safeguarding override), so the send gate decides locally, with no
/// call across a border at send time.
/// </summary>
public sealed class RecordedBasis
{
    public Guid BasisId { get; set; }

    public required string ChildLocalId { get; set; }

    public required string Purpose { get; set; }

    public required string RecipientType { get; set; }

    /// <summary>consent or safeguarding.</summary>
    public required string Basis { get; set; }

    public string? Reference { get; set; }

    public bool Holds { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>When the consent service recorded it: a later record replaces an earlier one, never the reverse.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public bool HoldsAt(DateTimeOffset now) => Holds && ValidFrom <= now && (ValidUntil is null || ValidUntil > now);
}

/// <summary>
/// One entry of the disclosure audit: a disclosure of a child's data across a border by this
/// service, or a read through this service's API of a child another authority is responsible
/// for. Append-only: nothing in code updates or deletes it, PostgreSQL refuses it by trigger, and
/// each entry's <see cref="Hash"/> covers its content and the previous entry's hash, so an
/// altered or removed row breaks the chain at that row.
/// </summary>
public sealed class DisclosureAuditEntry
{
    /// <summary>Place in the chain: 1, 2, 3..., assigned under the chain lock as the entry is committed.</summary>
    public long Position { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>disclosure or read.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>For a disclosure, the message id the recipient's inbox knows it by.</summary>
    public Guid? MessageId { get; set; }

    /// <summary>The message kind (URN) disclosed, or the resource read (register-entry, referral, case).</summary>
    public required string What { get; set; }

    /// <summary>For a disclosure, the recipient; for a read, this authority (whose user read it).</summary>
    public required string Counterpart { get; set; }

    public required string RecipientType { get; set; }

    /// <summary>The authority responsible for the child (the controller of its record).</summary>
    public required string ChildOwner { get; set; }

    public required string ChildLocalId { get; set; }

    /// <summary>JSON array of the paths that went (or were shown).</summary>
    public required string Fields { get; set; }

    /// <summary>statutory, public-task, consent or safeguarding; several joined by "; " when gated fields went on their own basis.</summary>
    public required string Basis { get; set; }

    public string? BasisReference { get; set; }

    public int RulesVersion { get; set; }

    /// <summary>Role(s) of the user or client that caused it, or "service" for the service's own work.</summary>
    public required string ActorRole { get; set; }

    public string? CorrelationId { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
