namespace Regional.Placement.Domain;

/// <summary>A child in this authority's care, placed in another authority's area (the placing authority's record).</summary>
public sealed class Placement
{
    public Guid Id { get; set; }

    public required string HostAuthority { get; set; }

    public required ChildRecord Child { get; set; }

    public required string LegalStatus { get; set; }

    public required string PlacementType { get; set; }

    public DateOnly StartDate { get; set; }

    public required AddressRecord Address { get; set; }

    public bool IsEmergency { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? EndReason { get; set; }

    public List<Notification> Notifications { get; set; } = [];
}

public sealed class ChildRecord
{
    public required string LocalId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? NhsNumber { get; set; }

    public required string Gender { get; set; }

    public string? Ethnicity { get; set; }
}

public sealed class AddressRecord
{
    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public required string Town { get; set; }

    public required string Postcode { get; set; }
}
