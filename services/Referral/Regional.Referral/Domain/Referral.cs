namespace Regional.Referral.Domain;

/// <summary>A CRE concern received by this authority about a child in its area.</summary>
public sealed class Referral
{
    public Guid Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Source { get; set; }

    /// <summary>The referrer's own reference (a police log number); a concern sent again with it is the same concern.</summary>
    public string? SourceReference { get; set; }

    public required string Concerns { get; set; }

    public List<string> ExploitationTypes { get; set; } = [];

    public DateOnly ConcernDate { get; set; }

    /// <summary>The child as the referrer identified them.</summary>
    public required ReferredChild Child { get; set; }

    /// <summary>Which identifier found the child in the register; null when the child is not placed here by another authority.</summary>
    public string? MatchedOn { get; set; }

    public Guid? PlacementId { get; set; }

    public string? PlacingAuthority { get; set; }

    /// <summary>The reciprocal case this concern opened or joined.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>Subject of the user or client who recorded it (staff, not the child).</summary>
    public string? RecordedBy { get; set; }

    public bool IsCrossBorder => PlacingAuthority is not null;
}

public sealed class ReferredChild
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? NhsNumber { get; set; }

    public string? LocalId { get; set; }

    /// <summary>The placing authority, when the referrer knows it (a children's home usually does).</summary>
    public string? PlacingAuthority { get; set; }
}
