using Regional.Contracts;

namespace Regional.Consent.Domain;

/// <summary>A consent, refusal or withdrawal as recorded: never changed, a later decision supersedes it.</summary>
public sealed class ConsentDecision
{
    public Guid Id { get; set; }

    public required string ChildLocalId { get; set; }

    /// <summary>Order of entry within the child's record: the last tie-break between decisions of one day.</summary>
    public int Sequence { get; set; }

    public required string Decision { get; set; }

    public required string Purpose { get; set; }

    public RecipientType RecipientType { get; set; }

    public required string GivenBy { get; set; }

    public int? ChildAge { get; set; }

    public bool? Competent { get; set; }

    public DateOnly DecidedOn { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public bool Covers(string purpose, RecipientType recipient) => Purpose == purpose && RecipientType == recipient;
}

/// <summary>Sharing without consent on a named law, approved above a practitioner, until a review date.</summary>
public sealed class SafeguardingOverride
{
    public Guid Id { get; set; }

    public required string ChildLocalId { get; set; }

    public int Sequence { get; set; }

    public required string Purpose { get; set; }

    public RecipientType RecipientType { get; set; }

    public required string LawfulBasis { get; set; }

    public required string Reason { get; set; }

    public required string ApprovedBy { get; set; }

    public required string ApproverRole { get; set; }

    public DateOnly ReviewBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    /// <summary>It holds through its review date; from the day after, only a renewal would.</summary>
    public bool HoldsOn(DateOnly today) => today <= ReviewBy;

    public bool Covers(string purpose, RecipientType recipient) => Purpose == purpose && RecipientType == recipient;
}

/// <summary>
/// The basis last announced to the authority's own services for one purpose and recipient type,
/// so that only a change is announced, and the expiry sweep finds what it must withdraw.
/// </summary>
public sealed class AnnouncedBasis
{
    public required string ChildLocalId { get; set; }

    public required string Purpose { get; set; }

    public RecipientType RecipientType { get; set; }

    /// <summary>consent or safeguarding; null once it no longer holds.</summary>
    public string? Basis { get; set; }

    public string? Reference { get; set; }

    public DateOnly? ReviewBy { get; set; }

    public DateTimeOffset AnnouncedAt { get; set; }
}
