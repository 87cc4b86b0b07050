namespace Regional.Api.Placements;

public sealed record RecordPlacementRequest(
    ChildRequest? Child,
    string? LegalStatus,
    string? PlacementType,
    DateOnly? StartDate,
    AddressRequest? Address,
    string? HostAuthority,
    bool? IsEmergency);

public sealed record ChildRequest(
    string? LocalId,
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    string? NhsNumber,
    string? Gender,
    string? Ethnicity);

public sealed record AddressRequest(string? Line1, string? Line2, string? Town, string? Postcode);

public sealed record EndPlacementRequest(DateOnly? EndDate, string? Reason);

public sealed record RecordPlacementsResponse(int Recorded, IReadOnlyList<Guid> Ids);
