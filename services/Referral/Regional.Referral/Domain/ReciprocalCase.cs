using Regional.Contracts.Alerts.V1;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.ServiceDefaults;

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
public sealed class ReciprocalCase : Aggregate, IRevised
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

    /// <summary>Optimistic concurrency: requests, consumers and the lapse sweep all write a case.</summary>
    public int Version { get; set; }

    /// <summary>The entity tag people see: moved by meetings, proposals and closure, not by the sweep.</summary>
    public int Revision { get; set; }

    public List<CaseMeeting> Meetings { get; set; } = [];

    public bool IsOverdue(DateOnly today) => Status == CaseStatus.Open && NextReviewDue is { } due && due < today;

    /// <summary>
    /// The rules a meeting must keep against this case's own history, whatever order meetings
    /// are entered in: none before the concern that opened the case; one initial strategy
    /// meeting; reviews only on or after it.
    /// </summary>
    public void CheckMeeting(string type, DateOnly heldOn, DateOnly openingConcernDate, ValidationErrors errors)
    {
        if (heldOn < openingConcernDate)
        {
            errors.Add("heldOn", $"is before the concern that opened this case ({openingConcernDate:yyyy-MM-dd}); a meeting under this case is held on or after it.");
        }

        if (type == MeetingTypes.InitialStrategy && InitialStrategyMeetingOn is { } held)
        {
            errors.Add("type", $"the initial strategy meeting was already held on {held:yyyy-MM-dd}; record a review.");
        }
        else if (type == MeetingTypes.Review)
        {
            if (InitialStrategyMeetingOn is not { } initial)
            {
                errors.Add("type", "a review follows the initial strategy meeting, which has not been held.");
            }
            else if (heldOn < initial)
            {
                errors.Add("heldOn", $"a review cannot be held before the initial strategy meeting ({initial:yyyy-MM-dd}).");
            }
        }
    }

    /// <summary>
    /// Records a meeting the host held and tells the placing authority. The case's current level,
    /// tool version and next review come from the meeting held last (by date held, then by
    /// entry), so a meeting entered late does not overturn one held after it.
    /// </summary>
    public void RecordMeeting(CaseMeeting meeting, string host, DateTimeOffset now, PoliceRecipients police)
    {
        var previousLevel = CurrentLevel;
        Meetings.Add(meeting);
        if (meeting.Type == MeetingTypes.InitialStrategy)
        {
            InitialStrategyMeetingOn = meeting.HeldOn;
        }

        var current = MeetingOrder.Latest(Meetings, m => m.HeldOn, m => m.RecordedAt);
        NextReviewDue = current.NextReviewDue;
        if (MeetingOrder.LatestOrDefault(Meetings.Where(m => m.ToolVersion is not null), m => m.HeldOn, m => m.RecordedAt) is { } assessed)
        {
            CurrentLevel = assessed.Level;
            CurrentToolVersion = assessed.ToolVersion;
            if (ReferenceEquals(assessed, meeting))
            {
                NeedsReassessment = false;
            }
        }

        Send(new ReciprocalReviewHeld(
            Id,
            meeting.Id,
            host,
            PlacingAuthority,
            meeting.Type,
            meeting.HeldOn,
            new AttendanceDetails(
                meeting.Attendance.ChildAttended, meeting.Attendance.ParentCarerAttended, meeting.Attendance.ViewsGivenBefore,
                meeting.Attendance.ChildMissing, meeting.Attendance.ChildViews),
            meeting.ToolVersion is null
                ? null
                : new AssessmentSummary(
                    meeting.ToolVersion, meeting.DerivedLevel!, meeting.Level!, meeting.Rule!, meeting.Explanation!, meeting.Overridden, meeting.OverrideRationale),
            [.. meeting.Plan.Select(o => new PlanOutcomeDetails(o.Outcome, [.. o.Actions.Select(x => new PlanActionDetails(x.Action, x.Who, x.When))]))],
            meeting.NextReviewDue,
            now,
            ChildLocalId));
        Publish(new ReciprocalMeetingHeld(Id, host, PlacingAuthority, meeting.Type, now));
        if (CurrentLevel != previousLevel && CurrentLevel is not null)
        {
            Publish(new RiskLevelChanged(Id, host, PlacingAuthority, previousLevel, CurrentLevel, CurrentToolVersion!, now));
        }

        // Becoming High (not staying High) alerts the forces covering where the child lives and the placing authority.
        if (CurrentLevel == HighLevel && previousLevel != HighLevel)
        {
            foreach (var force in police.Forces)
            {
                Send(new HighRiskEscalationAlert(
                    MassTransit.NewId.NextSequentialGuid(), host, force, PlacingAuthority, Id, ChildLocalId, police.Child,
                    previousLevel ?? "not-yet-assessed", CurrentLevel, CurrentToolVersion!, meeting.Type, meeting.HeldOn, meeting.Explanation, now));
            }
        }
    }

    private const string HighLevel = "high";

    /// <summary>The host proposes closure; only the placing authority closes its child's case record.</summary>
    public void ProposeClosure(string reason, string? note, string host, DateTimeOffset now)
    {
        ClosureProposedReason = reason;
        ClosureProposedNote = note;
        ClosureProposedAt = now;
        Send(new CaseClosureProposed(Id, host, PlacingAuthority, reason, note, now, ChildLocalId));
    }

    /// <summary>Reports a lapsed review date to the monitor once per due date (a new due date that lapses is reported again).</summary>
    public bool NoteReviewLapse(DateOnly today, string host, DateTimeOffset now)
    {
        if (!IsOverdue(today) || OverdueReportedFor == NextReviewDue)
        {
            return false;
        }

        OverdueReportedFor = NextReviewDue;
        Publish(new ReciprocalReviewOverdue(Id, host, PlacingAuthority, NextReviewDue!.Value, now));
        return true;
    }
}

/// <summary>Which meeting stands: the one held last; of meetings held the same day, the one entered last.</summary>
public static class MeetingOrder
{
    public static T Latest<T>(IEnumerable<T> meetings, Func<T, DateOnly> heldOn, Func<T, DateTimeOffset> recordedAt)
        where T : class =>
        LatestOrDefault(meetings, heldOn, recordedAt) ?? throw new InvalidOperationException("No meeting has been held.");

    public static T? LatestOrDefault<T>(IEnumerable<T> meetings, Func<T, DateOnly> heldOn, Func<T, DateTimeOffset> recordedAt)
        where T : class =>
        meetings.OrderBy(heldOn).ThenBy(recordedAt).LastOrDefault();
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

/// <summary>Who to alert if a meeting makes the child High: the forces and the child as this authority holds them.</summary>
public sealed record PoliceRecipients(IReadOnlyList<string> Forces, AlertChild Child);
