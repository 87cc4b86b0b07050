using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;

namespace Regional.Referral.Domain;

/// <summary>
/// The placing authority's record of a reciprocal case another authority holds for one of its
/// children: every concern, every meeting's outcome, the current level and the next review.
/// It is the placing authority's own case record: only it can close it.
/// </summary>
public sealed class TrackedCase : Aggregate, IRevised
{
    /// <summary>The host's case id.</summary>
    public Guid CaseId { get; set; }

    public required string HostAuthority { get; set; }

    public Guid PlacementId { get; set; }

    public required string ChildLocalId { get; set; }

    public required string ChildGivenName { get; set; }

    public required string ChildFamilyName { get; set; }

    public DateOnly ChildDateOfBirth { get; set; }

    public string? ChildNhsNumber { get; set; }

    public CaseStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public string? CurrentLevel { get; set; }

    public string? CurrentToolVersion { get; set; }

    public string? CurrentRule { get; set; }

    public bool NeedsReassessment { get; set; }

    public DateOnly? NextReviewDue { get; set; }

    public List<PlanOutcome> CurrentPlan { get; set; } = [];

    public string? ClosureProposedReason { get; set; }

    public string? ClosureProposedNote { get; set; }

    public DateTimeOffset? ClosureProposedAt { get; set; }

    public string? ClosedReason { get; set; }

    public string? ClosedNote { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The date of the most recent meeting held.</summary>
    public DateOnly? LatestMeetingOn { get; set; }

    public int Version { get; set; }

    /// <summary>The entity tag people see.</summary>
    public int Revision { get; set; }

    public List<TrackedConcern> Concerns { get; set; } = [];

    public List<TrackedMeeting> Meetings { get; set; } = [];

    public bool IsOverdue(DateOnly today) => Status == CaseStatus.Open && NextReviewDue is { } due && due < today;

    /// <summary>The placing authority closes its child's case record; the host is told to stop the reciprocal reviews.</summary>
    public void Close(string reason, string? note, DateOnly closedOn, string placing, DateTimeOffset now)
    {
        Status = CaseStatus.Closed;
        ClosedReason = reason;
        ClosedNote = note;
        ClosedOn = closedOn;
        ClosedAt = now;
        Send(new ReciprocalCaseClosed(CaseId, placing, HostAuthority, reason, note, closedOn, now, ChildLocalId));
        Publish(new ReciprocalCaseClosureRecorded(CaseId, placing, HostAuthority, reason, now));
    }

    /// <summary>
    /// The current state from every outcome held, in the order meetings were held (then entered),
    /// because outcomes may arrive in any order and a meeting entered late must not overturn one
    /// held after it.
    /// </summary>
    public void Recompute(IReadOnlyList<TrackedMeeting> meetings, IReadOnlyCollection<string> retired)
    {
        if (meetings.Count == 0)
        {
            return;
        }

        var latest = MeetingOrder.Latest(meetings, m => m.HeldOn, m => m.RecordedAt);
        LatestMeetingOn = meetings.Max(m => m.HeldOn);
        NextReviewDue = latest.NextReviewDue;
        if (MeetingOrder.LatestOrDefault(meetings.Where(m => m.ToolVersion is not null), m => m.HeldOn, m => m.RecordedAt) is { } assessed)
        {
            CurrentLevel = assessed.Level;
            CurrentToolVersion = assessed.ToolVersion;
            CurrentRule = assessed.Rule;
            NeedsReassessment = retired.Contains(assessed.ToolVersion!);
        }

        if (MeetingOrder.LatestOrDefault(meetings.Where(m => m.Plan.Count > 0), m => m.HeldOn, m => m.RecordedAt) is { } planned)
        {
            CurrentPlan = [.. planned.Plan];
        }
    }
}

public sealed class TrackedConcern
{
    public Guid ReferralId { get; set; }

    public Guid CaseId { get; set; }

    public required string Source { get; set; }

    public string? SourceReference { get; set; }

    public required string Concerns { get; set; }

    public List<string> ExploitationTypes { get; set; } = [];

    public DateOnly ConcernDate { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string MatchedOn { get; set; }
}

public sealed class TrackedMeeting
{
    public Guid MeetingId { get; set; }

    public Guid CaseId { get; set; }

    public required string Type { get; set; }

    public DateOnly HeldOn { get; set; }

    public required Attendance Attendance { get; set; }

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
}
