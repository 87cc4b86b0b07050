using Regional.Referral.Consumers;
using Regional.Referral.Domain;
using Regional.Referral.Features;

namespace Regional.UnitTests;

public sealed class When_the_placing_authority_tracks_its_children_elsewhere
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static TrackedCase Case(string? level, DateOnly? due, CaseStatus status = CaseStatus.Open) => new()
    {
        CaseId = Guid.NewGuid(),
        HostAuthority = "derbyshire",
        ChildLocalId = "NC-1",
        ChildGivenName = "Kai",
        ChildFamilyName = "Example",
        Status = status,
        CurrentLevel = level,
        NextReviewDue = due,
        OpenedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Overdue_reviews_come_first_then_the_highest_risk_then_the_soonest_due()
    {
        var lowOverdue = Case("low", Today.AddDays(-1));
        var highLater = Case("high", Today.AddDays(30));
        var highSooner = Case("high", Today.AddDays(10));
        var medium = Case("medium", Today.AddDays(2));
        var notAssessed = Case(null, null);
        var closed = Case("high", Today.AddDays(-30), CaseStatus.Closed);

        var ordered = Tracking.Prioritise([notAssessed, closed, medium, highLater, lowOverdue, highSooner], Today).ToList();

        Assert.Equal([lowOverdue, highSooner, highLater, medium, notAssessed, closed], ordered);
    }

    [Fact]
    public void A_review_due_today_is_not_yet_overdue_and_a_closed_case_never_is()
    {
        Assert.False(Case("high", Today).IsOverdue(Today));
        Assert.True(Case("high", Today).IsOverdue(Today.AddDays(1)));
        Assert.False(Case("high", Today.AddDays(-5), CaseStatus.Closed).IsOverdue(Today));
    }

    private static TrackedMeeting Meeting(string type, int recordedMinute, string? level = null, DateOnly? due = null, int outcomes = 0) => new()
    {
        MeetingId = Guid.NewGuid(),
        Type = type,
        HeldOn = Today,
        Attendance = new Attendance(),
        ToolVersion = level is null ? null : "em-cre-2021.1",
        Level = level,
        Rule = level is null ? null : "rule",
        Plan = [.. Enumerable.Range(0, outcomes).Select(i => new PlanOutcome($"outcome {i}", [new PlanAction("act", "who", Today)]))],
        NextReviewDue = due,
        RecordedAt = DateTimeOffset.UnixEpoch.AddMinutes(recordedMinute),
    };

    [Fact]
    public void The_current_state_follows_the_order_the_host_recorded_meetings_in_not_their_arrival()
    {
        // The strategy meeting arrived before the professionals meeting recorded ahead of it.
        var tracked = Case(null, null);
        var strategy = Meeting("initial-strategy", 2, "high", Today.AddDays(42), outcomes: 3);
        var professionals = Meeting("professionals", 1);

        ReciprocalReviewHeldConsumer.Recompute(tracked, [strategy, professionals], []);

        Assert.Equal(("high", Today.AddDays(42), 3), (tracked.CurrentLevel, tracked.NextReviewDue, tracked.CurrentPlan.Count));
        Assert.False(tracked.NeedsReassessment);
    }

    [Fact]
    public void An_assessment_with_a_retired_version_needs_reassessment()
    {
        var tracked = Case(null, null);
        ReciprocalReviewHeldConsumer.Recompute(tracked, [Meeting("initial-strategy", 1, "medium", Today.AddDays(42), 1)], ["em-cre-2021.1"]);
        Assert.True(tracked.NeedsReassessment);
    }
}
