namespace Regional.Api.Placements;

public sealed record RecordPlacementRequest(
    ChildRequest? Child,
    string? LegalStatus,
    string? PlacementType,
    DateOnly? StartDate,
    AddressRequest? Address,
    string? HostAuthority,
    bool? IsEmergency,
    HealthRequest? Health = null,
    string? ExploitationRisks = null);

/// <summary>What a carer needs to know of the child's health; it goes to the host only on consent or a safeguarding override.</summary>
public sealed record HealthRequest(string? Conditions, string? Medication, string? Allergies);

/// <summary>Details shared with the host after the notice, for one purpose (health or exploitation).</summary>
public sealed record ShareChildDetailsRequest(string? Purpose, HealthRequest? Health, string? ExploitationRisks);

public sealed record ShareChildDetailsResponse(Guid ShareId, Guid MessageId);

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

/// <summary>A missing episode reported with the Philomena protocol details.</summary>
public sealed record ReportMissingRequest(
    DateTimeOffset? MissingSince,
    string? ReportedBy,
    string? Description,
    string? PhotoReference,
    IReadOnlyList<string>? RiskAssessedLocations,
    IReadOnlyList<string>? Associates,
    string? Phone,
    string? RiskLevel,
    string? LastSeenAt);

/// <summary>More details of an open episode: fields left out keep their value.</summary>
public sealed record UpdateMissingRequest(
    string? Description,
    string? PhotoReference,
    IReadOnlyList<string>? RiskAssessedLocations,
    IReadOnlyList<string>? Associates,
    string? Phone,
    string? RiskLevel,
    string? LastSeenAt);

public sealed record RecordReturnRequest(DateTimeOffset? ReturnedAt, string? FoundWhere, string? FoundBy);

public sealed record ReturnHomeInterviewRequest(string? Outcome, string? By, bool? Independent, DateTimeOffset? At);
