namespace Regional.Referral.Domain;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// The host's reciprocal CRE case for a child another authority placed here. The host holds
/// the meetings; responsibility, and the decision to close, stay with the placing authority.
/// </summary>
public sealed class ReciprocalCase
{
    public Guid Id { get; set; }

    /// <summary>The concern that opened the case.</summary>
    public Guid ReferralId { get; set; }

    public Guid PlacementId { get; set; }

    public required string PlacingAuthority { get; set; }

    public required string ChildLocalId { get; set; }

    public required string ChildGivenName { get; set; }

    public required string ChildFamilyName { get; set; }

    public CaseStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateOnly? InitialStrategyMeetingOn { get; set; }

    public DateOnly? NextReviewDue { get; set; }

    public string? CurrentLevel { get; set; }

    public string? CurrentToolVersion { get; set; }

    /// <summary>The current assessment's tool version has been retired by the region.</summary>
    public bool NeedsReassessment { get; set; }

    public string? ClosureProposedReason { get; set; }

    public string? ClosureProposedNote { get; set; }

    public DateTimeOffset? ClosureProposedAt { get; set; }

    public string? ClosedReason { get; set; }

    public string? ClosedNote { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The due date whose lapse was last reported to the monitor, so each lapse is reported once.</summary>
    public DateOnly? OverdueReportedFor { get; set; }

    /// <summary>Optimistic concurrency: requests and consumers both move a case on.</summary>
    public int Version { get; set; }

    public List<CaseMeeting> Meetings { get; set; } = [];

    public bool IsOverdue(DateOnly today) => Status == CaseStatus.Open && NextReviewDue is { } due && due < today;
}

/// <summary>A reciprocal meeting held by the host: who attended, the assessment, the plan and the next review.</summary>
public sealed class CaseMeeting
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string Type { get; set; }

    public DateOnly HeldOn { get; set; }

    public required Attendance Attendance { get; set; }

    /// <summary>The assessment as recorded (the tool's own JSON shape); levels are recomputed from it.</summary>
    public string? AssessmentJson { get; set; }

    public string? ToolVersion { get; set; }

    public string? DerivedLevel { get; set; }

    public string? Level { get; set; }

    public string? Rule { get; set; }

    public string? Explanation { get; set; }

    public bool Overridden { get; set; }

    public string? OverrideRationale { get; set; }

    public List<PlanOutcome> Plan { get; set; } = [];

    public DateOnly? NextReviewDue { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

public sealed class Attendance
{
    public bool ChildAttended { get; set; }

    public bool ParentCarerAttended { get; set; }

    public bool ViewsGivenBefore { get; set; }

    public bool ChildMissing { get; set; }

    public string? ChildViews { get; set; }
}

public sealed record PlanOutcome(string Outcome, List<PlanAction> Actions);

public sealed record PlanAction(string Action, string Who, DateOnly When);
