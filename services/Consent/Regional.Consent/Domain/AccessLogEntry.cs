namespace Regional.Consent.Domain;

/// <summary>
/// One entry of "who saw what" about one of our children, as another service (ours or another
/// authority's) reported it. Only ever added: there is no path in code that changes or removes one.
/// </summary>
public sealed class AccessLogEntry
{
    /// <summary>Arrival order: the tie-break between entries of the same instant.</summary>
    public long Id { get; set; }

    /// <summary>The sender's own audit entry id; with <see cref="From"/>, unique.</summary>
    public Guid EntryId { get; set; }

    public required string From { get; set; }

    public required string Kind { get; set; }

    public required string ChildLocalId { get; set; }

    public required string What { get; set; }

    public List<string> Fields { get; set; } = [];

    public required string Counterpart { get; set; }

    public string? ActorRole { get; set; }

    public string? Basis { get; set; }

    public string? BasisReference { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string? CorrelationId { get; set; }
}
