using Regional.Referral.Domain;

namespace Regional.Referral.Features;

public sealed record ReferredChildView(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? NhsNumber, string? LocalId, string? PlacingAuthority)
{
    internal static ReferredChildView From(ReferredChild c) => new(c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber, c.LocalId, c.PlacingAuthority);
}

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
    Guid? CaseId)
{
    internal static ReferralView From(Domain.Referral r) => new(
        r.Id, r.ReceivedAt, r.Source, r.SourceReference, r.Concerns, r.ExploitationTypes, r.ConcernDate, ReferredChildView.From(r.Child),
        r.IsCrossBorder,
        r.PlacementId is { } placement && r.PlacingAuthority is { } placing && r.MatchedOn is { } on ? new MatchView(placement, placing, on) : null,
        r.CaseId);
}

public sealed record AttendanceView(bool ChildAttended, bool ParentCarerAttended, bool ViewsGivenBefore, bool ChildMissing, string? ChildViews)
{
    internal static AttendanceView From(Attendance a) => new(a.ChildAttended, a.ParentCarerAttended, a.ViewsGivenBefore, a.ChildMissing, a.ChildViews);
}

public sealed record AssessmentView(
    string ToolVersion, string DerivedLevel, string Level, string Rule, string? Explanation, bool Overridden, string? OverrideRationale);

public sealed record PlanActionView(string Action, string Who, DateOnly When);

public sealed record PlanOutcomeView(string Outcome, IReadOnlyList<PlanActionView> Actions)
{
    internal static IReadOnlyList<PlanOutcomeView> From(IEnumerable<PlanOutcome> plan) =>
        [.. plan.Select(o => new PlanOutcomeView(o.Outcome, [.. o.Actions.Select(a => new PlanActionView(a.Action, a.Who, a.When))]))];
}

public sealed record MeetingView(
    Guid Id,
    string Type,
    DateOnly HeldOn,
    AttendanceView Attendance,
    AssessmentView? Assessment,
    IReadOnlyList<PlanOutcomeView> Plan,
    DateOnly? NextReviewDue,
    DateTimeOffset RecordedAt)
{
    internal static MeetingView From(CaseMeeting m) => new(
        m.Id, m.Type, m.HeldOn, AttendanceView.From(m.Attendance),
        m.ToolVersion is null ? null : new AssessmentView(m.ToolVersion, m.DerivedLevel!, m.Level!, m.Rule!, m.Explanation, m.Overridden, m.OverrideRationale),
        PlanOutcomeView.From(m.Plan), m.NextReviewDue, m.RecordedAt);

    internal static MeetingView From(TrackedMeeting m) => new(
        m.MeetingId, m.Type, m.HeldOn, AttendanceView.From(m.Attendance),
        m.ToolVersion is null ? null : new AssessmentView(m.ToolVersion, m.DerivedLevel!, m.Level!, m.Rule!, m.Explanation, m.Overridden, m.OverrideRationale),
        PlanOutcomeView.From(m.Plan), m.NextReviewDue, m.RecordedAt);
}

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
    IReadOnlyList<MeetingView> Meetings)
{
    internal static CaseView From(ReciprocalCase c, IEnumerable<Domain.Referral> referrals, DateOnly today) => new(
        c.Id, c.PlacingAuthority, c.PlacementId, c.ChildLocalId, c.ChildGivenName, c.ChildFamilyName, StatusName(c.Status), c.OpenedAt,
        c.CurrentLevel, c.CurrentToolVersion, c.NeedsReassessment, c.NextReviewDue, c.IsOverdue(today),
        c.ClosureProposedReason is { } proposed ? new ClosureView(proposed, c.ClosureProposedNote, null, c.ClosureProposedAt!.Value) : null,
        c.ClosedReason is { } closed ? new ClosureView(closed, c.ClosedNote, c.ClosedOn, c.ClosedAt!.Value) : null,
        [.. referrals.OrderBy(r => r.ReceivedAt).Select(ReferralView.From)],
        [.. c.Meetings.OrderBy(m => m.HeldOn).ThenBy(m => m.RecordedAt).Select(MeetingView.From)]);

    internal static string StatusName(CaseStatus status) => status == CaseStatus.Open ? "open" : "closed";
}

public sealed record TrackedChildView(string LocalId, string GivenName, string FamilyName, DateOnly DateOfBirth, string? NhsNumber);

public sealed record ConcernView(
    Guid ReferralId, string Source, string? SourceReference, string Concerns, IReadOnlyList<string> ExploitationTypes,
    DateOnly ConcernDate, DateTimeOffset ReceivedAt, string MatchedOn)
{
    internal static ConcernView From(TrackedConcern c) =>
        new(c.ReferralId, c.Source, c.SourceReference, c.Concerns, c.ExploitationTypes, c.ConcernDate, c.ReceivedAt, c.MatchedOn);
}

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
    IReadOnlyList<MeetingView> Meetings)
{
    internal static TrackedCaseView From(TrackedCase c, DateOnly today) => new(
        c.CaseId, c.HostAuthority, c.PlacementId,
        new TrackedChildView(c.ChildLocalId, c.ChildGivenName, c.ChildFamilyName, c.ChildDateOfBirth, c.ChildNhsNumber),
        CaseView.StatusName(c.Status), c.OpenedAt, c.CurrentLevel, c.CurrentToolVersion, c.CurrentRule, c.NeedsReassessment,
        c.NextReviewDue, c.IsOverdue(today), PlanOutcomeView.From(c.CurrentPlan),
        c.ClosureProposedReason is { } proposed ? new ClosureView(proposed, c.ClosureProposedNote, null, c.ClosureProposedAt!.Value) : null,
        c.ClosedReason is { } closed ? new ClosureView(closed, c.ClosedNote, c.ClosedOn, c.ClosedAt!.Value) : null,
        [.. c.Concerns.OrderBy(x => x.ReceivedAt).Select(ConcernView.From)],
        [.. c.Meetings.OrderBy(m => m.HeldOn).ThenBy(m => m.RecordedAt).Select(MeetingView.From)]);
}

public sealed record AlignmentView(long Revision, IReadOnlyList<string> Aligned, IReadOnlyList<string> Retired, DateTimeOffset? ChangedAt);
