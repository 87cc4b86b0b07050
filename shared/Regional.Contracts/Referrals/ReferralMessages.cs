using MassTransit;
using Regional.Contracts.Placements.V1;

// Version 1 of the referral contracts: CRE concerns, reciprocal reviews and their closure.
namespace Regional.Contracts.Referrals.V1;

/// <summary>
/// An authority's placement service to the same authority's referral service: a child placed
/// here by another authority entered our register. Never leaves the authority (see SharingPolicy).
/// </summary>
[MessageUrn("urn:regional:referrals:incoming-child-registered:v1", useDefaultPrefix: false)]
[DeliveredTo("referral")]
public sealed record IncomingChildRegistered(
    Guid PlacementId,
    string From,
    string To,
    string PlacingAuthority,
    ChildDetails Child,
    DateOnly StartDate,
    DateTimeOffset RegisteredAt) : IAddressedMessage;

/// <summary>Placement service to the same authority's referral service: a placement in our area ended.</summary>
[MessageUrn("urn:regional:referrals:incoming-child-ended:v1", useDefaultPrefix: false)]
[DeliveredTo("referral")]
public sealed record IncomingChildEnded(
    Guid PlacementId,
    string From,
    string To,
    string PlacingAuthority,
    DateOnly EndDate,
    DateTimeOffset EndedAt) : IAddressedMessage;

/// <summary>The concern as the referrer raised it.</summary>
public sealed record ConcernDetails(
    string Source,
    string? SourceReference,
    string Concerns,
    IReadOnlyList<string> ExploitationTypes,
    DateOnly ConcernDate,
    DateTimeOffset ReceivedAt);

/// <summary>
/// Host to placing authority, at once: a CRE concern was raised in our area about a child you
/// placed here; we hold a reciprocal case for them. Carries the child as the placing authority
/// itself described them, and which identifier matched.
/// </summary>
[MessageUrn("urn:regional:referrals:cross-border-concern-raised:v1", useDefaultPrefix: false)]
[DeliveredTo("referral")]
public sealed record CrossBorderConcernRaised(
    Guid ReferralId,
    Guid CaseId,
    Guid PlacementId,
    string From,
    string To,
    ChildDetails Child,
    string MatchedOn,
    ConcernDetails Concern) : IAddressedMessage;

public sealed record AttendanceDetails(bool ChildAttended, bool ParentCarerAttended, bool ViewsGivenBefore, bool ChildMissing, string? ChildViews);

/// <summary>What the placing authority needs of an assessment: the level, the version and why.</summary>
public sealed record AssessmentSummary(
    string ToolVersion,
    string DerivedLevel,
    string Level,
    string Rule,
    string Explanation,
    bool Overridden,
    string? OverrideRationale);

public sealed record PlanActionDetails(string Action, string Who, DateOnly When);

public sealed record PlanOutcomeDetails(string Outcome, IReadOnlyList<PlanActionDetails> Actions);

/// <summary>Host to placing authority: a reciprocal meeting was held about your child, with its outcome.</summary>
[MessageUrn("urn:regional:referrals:reciprocal-review-held:v1", useDefaultPrefix: false)]
[DeliveredTo("referral")]
public sealed record ReciprocalReviewHeld(
    Guid CaseId,
    Guid MeetingId,
    string From,
    string To,
    string MeetingType,
    DateOnly HeldOn,
    AttendanceDetails Attendance,
    AssessmentSummary? Assessment,
    IReadOnlyList<PlanOutcomeDetails>? Plan,
    DateOnly? NextReviewDue,
    DateTimeOffset RecordedAt,
    string? ChildLocalId = null) : IAddressedMessage;

/// <summary>Host to placing authority: we propose closing the reciprocal case; only you can close it.</summary>
[MessageUrn("urn:regional:referrals:case-closure-proposed:v1", useDefaultPrefix: false)]
[DeliveredTo("referral")]
public sealed record CaseClosureProposed(
    Guid CaseId,
    string From,
    string To,
    string Reason,
    string? Note,
    DateTimeOffset ProposedAt,
    string? ChildLocalId = null) : IAddressedMessage;

/// <summary>Placing authority to host: we closed our child's case; stop the reciprocal reviews.</summary>
[MessageUrn("urn:regional:referrals:reciprocal-case-closed:v1", useDefaultPrefix: false)]
[DeliveredTo("referral")]
public sealed record ReciprocalCaseClosed(
    Guid CaseId,
    string From,
    string To,
    string Reason,
    string? Note,
    DateOnly ClosedOn,
    DateTimeOffset ClosedAt,
    string? ChildLocalId = null) : IAddressedMessage;
