namespace Regional.Api.Referrals;

public sealed record RecordReferralRequest(
    string? Source,
    string? SourceReference,
    string? Concerns,
    string[]? ExploitationTypes,
    DateOnly? ConcernDate,
    ReferredChildRequest? Child);

public sealed record ReferredChildRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    string? NhsNumber,
    string? LocalId,
    string? PlacingAuthority);

public sealed record RecordMeetingRequest(
    string? Type,
    DateOnly? HeldOn,
    AttendanceRequest? Attendance,
    AssessmentRequest? Assessment,
    PlanOutcomeRequest[]? Plan,
    DateOnly? NextReviewDate);

public sealed record AttendanceRequest(bool? ChildAttended, bool? ParentCarerAttended, bool? ViewsGivenBefore, bool? ChildMissing, string? ChildViews);

public sealed record PlanOutcomeRequest(string? Outcome, PlanActionRequest[]? Actions);

public sealed record PlanActionRequest(string? Action, string? Who, DateOnly? When);

public sealed record AssessmentRequest(
    string? ToolVersion,
    IndicatorRequest[]? Indicators,
    string[]? VulnerabilityFactors,
    string[]? Models,
    string[]? ExploitationTypes,
    OverrideRequest? Override);

public sealed record IndicatorRequest(string? Code, string? Rating, string? Evidence);

public sealed record OverrideRequest(string? Level, string? Rationale, string? By);

public sealed record ClosureRequest(string? Reason, string? Note, DateOnly? ClosedOn);

/// <summary>
/// A person, place or vehicle of concern (an Operation Liberty style intelligence report), for the force
/// covering <see cref="Area"/> (an authority of the region). It names no child.
/// </summary>
public sealed record ReportIntelligenceRequest(
    string? Subject,
    string? Area,
    string? Description,
    string? Address,
    string? VehicleRegistration,
    string? Association,
    DateTimeOffset? ObservedAt);
