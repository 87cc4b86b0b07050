namespace Regional.Referral.Domain;

/// <summary>
/// A child placed in this authority's area by another authority, as this authority's placement
/// service told us over the broker. The referral service's own copy of the register, so that
/// matching never reads another service's database.
/// </summary>
public sealed class IncomingChild
{
    public Guid PlacementId { get; set; }

    public required string PlacingAuthority { get; set; }

    public required string LocalId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? NhsNumber { get; set; }

    public required string Gender { get; set; }

    public string? Ethnicity { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Living here on <paramref name="date"/>: an ended placement no longer makes us the host.</summary>
    public bool IsPlacedHereOn(DateOnly date) => EndDate is null || EndDate >= date;
}
