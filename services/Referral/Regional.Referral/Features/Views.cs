using Regional.Referral.Domain;

namespace Regional.Referral.Features;

/// <summary>
/// The views' factories live here, not on the records in Regional.Api, so that a case system's
/// client never references the domain; as static extensions, call sites still read <c>CaseView.From(c, ...)</c>.
/// </summary>
internal static class ReferralViews
{
    extension(ReferredChildView)
    {
        public static ReferredChildView From(ReferredChild c) => new(c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber, c.LocalId, c.PlacingAuthority);
    }

    extension(ReferralView)
    {
        public static ReferralView From(Domain.Referral r) => new(
            r.Id, r.ReceivedAt, r.Source, r.SourceReference, r.Concerns, r.ExploitationTypes, r.ConcernDate, ReferredChildView.From(r.Child),
            r.IsCrossBorder,
            r.PlacementId is { } placement && r.PlacingAuthority is { } placing && r.MatchedOn is { } on ? new MatchView(placement, placing, on) : null,
            r.CaseId);
    }

    extension(AttendanceView)
    {
        public static AttendanceView From(Attendance a) => new(a.ChildAttended, a.ParentCarerAttended, a.ViewsGivenBefore, a.ChildMissing, a.ChildViews);
    }

    extension(PlanOutcomeView)
    {
        public static IReadOnlyList<PlanOutcomeView> From(IEnumerable<PlanOutcome> plan) =>
            [.. plan.Select(o => new PlanOutcomeView(o.Outcome, [.. o.Actions.Select(a => new PlanActionView(a.Action, a.Who, a.When))]))];
    }

    extension(MeetingView)
    {
        public static MeetingView From(CaseMeeting m) => new(
            m.Id, m.Type, m.HeldOn, AttendanceView.From(m.Attendance),
            m.ToolVersion is null ? null : new AssessmentView(m.ToolVersion, m.DerivedLevel!, m.Level!, m.Rule!, m.Explanation, m.Overridden, m.OverrideRationale),
            PlanOutcomeView.From(m.Plan), m.NextReviewDue, m.RecordedAt);

        public static MeetingView From(TrackedMeeting m) => new(
            m.MeetingId, m.Type, m.HeldOn, AttendanceView.From(m.Attendance),
            m.ToolVersion is null ? null : new AssessmentView(m.ToolVersion, m.DerivedLevel!, m.Level!, m.Rule!, m.Explanation, m.Overridden, m.OverrideRationale),
            PlanOutcomeView.From(m.Plan), m.NextReviewDue, m.RecordedAt);
    }

    extension(CaseView)
    {
        public static CaseView From(ReciprocalCase c, IEnumerable<Domain.Referral> referrals, DateOnly today) => new(
            c.Id, c.PlacingAuthority, c.PlacementId, c.ChildLocalId, c.ChildGivenName, c.ChildFamilyName, StatusName(c.Status), c.OpenedAt,
            c.CurrentLevel, c.CurrentToolVersion, c.NeedsReassessment, c.NextReviewDue, c.IsOverdue(today),
            c.ClosureProposedReason is { } proposed ? new ClosureView(proposed, c.ClosureProposedNote, null, c.ClosureProposedAt!.Value) : null,
            c.ClosedReason is { } closed ? new ClosureView(closed, c.ClosedNote, c.ClosedOn, c.ClosedAt!.Value) : null,
            [.. referrals.OrderBy(r => r.ReceivedAt).Select(r => ReferralView.From(r))],
            [.. c.Meetings.OrderBy(m => m.HeldOn).ThenBy(m => m.RecordedAt).Select(m => MeetingView.From(m))]);

        public static string StatusName(CaseStatus status) => status == CaseStatus.Open ? "open" : "closed";
    }

    extension(ConcernView)
    {
        public static ConcernView From(TrackedConcern c) =>
            new(c.ReferralId, c.Source, c.SourceReference, c.Concerns, c.ExploitationTypes, c.ConcernDate, c.ReceivedAt, c.MatchedOn);
    }

    extension(TrackedCaseView)
    {
        public static TrackedCaseView From(TrackedCase c, DateOnly today) => new(
            c.CaseId, c.HostAuthority, c.PlacementId,
            new TrackedChildView(c.ChildLocalId, c.ChildGivenName, c.ChildFamilyName, c.ChildDateOfBirth, c.ChildNhsNumber),
            CaseView.StatusName(c.Status), c.OpenedAt, c.CurrentLevel, c.CurrentToolVersion, c.CurrentRule, c.NeedsReassessment,
            c.NextReviewDue, c.IsOverdue(today), PlanOutcomeView.From(c.CurrentPlan),
            c.ClosureProposedReason is { } proposed ? new ClosureView(proposed, c.ClosureProposedNote, null, c.ClosureProposedAt!.Value) : null,
            c.ClosedReason is { } closed ? new ClosureView(closed, c.ClosedNote, c.ClosedOn, c.ClosedAt!.Value) : null,
            [.. c.Concerns.OrderBy(x => x.ReceivedAt).Select(x => ConcernView.From(x))],
            [.. c.Meetings.OrderBy(m => m.HeldOn).ThenBy(m => m.RecordedAt).Select(m => MeetingView.From(m))]);
    }
}
