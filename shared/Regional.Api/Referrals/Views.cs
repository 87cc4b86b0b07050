namespace Regional.Api.Referrals;


public sealed record ReferredChildView(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? NhsNumber, string? LocalId, string? PlacingAuthority);

public sealed record MatchView(Guid PlacementId, string PlacingAuthority, string MatchedOn);

public sealed record ReferralView(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string Source,
    string? SourceReference,
    string Concerns,
    IReadOnlyList<string> ExploitationTypes,
    DateOnly ConcernDate,
    ReferredChildView Child,
    bool CrossBorder,
    MatchView? Match,
    Guid? CaseId);

public sealed record AttendanceView(bool ChildAttended, bool ParentCarerAttended, bool ViewsGivenBefore, bool ChildMissing, string? ChildViews);

public sealed record AssessmentView(
    string ToolVersion, string DerivedLevel, string Level, string Rule, string? Explanation, bool Overridden, string? OverrideRationale);

public sealed record PlanActionView(string Action, string Who, DateOnly When);

public sealed record PlanOutcomeView(string Outcome, IReadOnlyList<PlanActionView> Actions);

public sealed record MeetingView(
    Guid Id,
    string Type,
    DateOnly HeldOn,
    AttendanceView Attendance,
    AssessmentView? Assessment,
    IReadOnlyList<PlanOutcomeView> Plan,
    DateOnly? NextReviewDue,
    DateTimeOffset RecordedAt);

public sealed record ClosureView(string Reason, string? Note, DateOnly? ClosedOn, DateTimeOffset At);

/// <summary>The host's view of a reciprocal case it holds.</summary>
public sealed record CaseView(
    Guid Id,
    string PlacingAuthority,
    Guid PlacementId,
    string ChildLocalId,
    string ChildGivenName,
    string ChildFamilyName,
    string Status,
    DateTimeOffset OpenedAt,
    string? CurrentLevel,
    string? CurrentToolVersion,
    bool NeedsReassessment,
    DateOnly? NextReviewDue,
    bool Overdue,
    ClosureView? ClosureProposed,
    ClosureView? Closed,
    IReadOnlyList<ReferralView> Referrals,
    IReadOnlyList<MeetingView> Meetings);

public sealed record TrackedChildView(string LocalId, string GivenName, string FamilyName, DateOnly DateOfBirth, string? NhsNumber);

public sealed record ConcernView(
    Guid ReferralId, string Source, string? SourceReference, string Concerns, IReadOnlyList<string> ExploitationTypes,
    DateOnly ConcernDate, DateTimeOffset ReceivedAt, string MatchedOn);

/// <summary>The placing authority's view of one of its children with a reciprocal case elsewhere.</summary>
public sealed record TrackedCaseView(
    Guid CaseId,
    string HostAuthority,
    Guid PlacementId,
    TrackedChildView Child,
    string Status,
    DateTimeOffset OpenedAt,
    string? CurrentLevel,
    string? CurrentToolVersion,
    string? CurrentRule,
    bool NeedsReassessment,
    DateOnly? NextReviewDue,
    bool Overdue,
    IReadOnlyList<PlanOutcomeView> Plan,
    ClosureView? ClosureProposed,
    ClosureView? Closed,
    IReadOnlyList<ConcernView> Concerns,
    IReadOnlyList<MeetingView> Meetings);

public sealed record AlignmentView(long Revision, IReadOnlyList<string> Aligned, IReadOnlyList<string> Retired, DateTimeOffset? ChangedAt);

public sealed record RiskToolView(
    string Version,
    string Title,
    DateOnly Published,
    string Description,
    bool Aligned,
    bool Retired,
    IReadOnlyList<RiskIndicatorView> Indicators,
    IReadOnlyList<CodeView> VulnerabilityFactors,
    IReadOnlyList<CodeView> Models,
    IReadOnlyList<CodeView> ExploitationTypes,
    IReadOnlyList<string> Ratings,
    IReadOnlyList<string> Levels);

public sealed record RiskIndicatorView(string Code, string Name, string Low, string Medium, string High);

public sealed record CodeView(string Code, string Name);

/// <summary>An intelligence report as the reporting authority keeps it, with the force it went to.</summary>
public sealed record IntelligenceReportView(
    Guid Id,
    string Subject,
    string Area,
    string Force,
    string Description,
    string? Address,
    string? VehicleRegistration,
    string? Association,
    DateTimeOffset? ObservedAt,
    DateTimeOffset ReportedAt,
    string? ReportedBy);
