using System.Net;
using System.Net.Http.Json;
using Regional.Contracts.Monitoring.V1;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>
/// Issue 3's story, through the gateway over RabbitMQ and PostgreSQL: Derbyshire receives a police
/// concern about a 13-year-old boy; he is in its register as Nottingham City's child; Nottingham
/// City is told at once; Derbyshire holds the professionals meeting and the initial CRE strategy
/// meeting, assesses him High with the aligned tool, records attendance and a plan, and sets the
/// next review; Nottingham City's tracking shows it all and flags the review when it is overdue;
/// six months later the risk is Low, Nottingham City closes the case and Derbyshire sees it closed.
/// </summary>
public abstract class When_derbyshire_receives_a_police_concern_about_a_child_placed_by_nottingham_city<TRegion>(TRegion fixture)
    where TRegion : ReferralRegion
{
    [Fact]
    public async Task Nottingham_city_is_told_at_once_tracks_the_reciprocal_reviews_and_closes_the_case()
    {
        await using var monitor = await TestBus.StartAsync(fixture.BrokerUri, $"test.monitor.referrals.{typeof(TRegion).Name}", (e, bus) =>
        {
            bus.Capture<ReferralReceived>(e);
            bus.Capture<ReciprocalMeetingHeld>(e);
            bus.Capture<RiskLevelChanged>(e);
            bus.Capture<ReciprocalCaseClosureRecorded>(e);
        });
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var (placementId, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        await AlignmentKnown(derbyshire, "derbyshire");

        // The police know his name and date of birth, not his NHS number.
        var referral = await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child, reference: $"DP-{Guid.NewGuid():N}"[..16]));
        Assert.True(referral.CrossBorder);
        Assert.Equal(("nottingham-city", placementId, "name-and-date-of-birth"), (referral.Match!.PlacingAuthority, referral.Match.PlacementId, referral.Match.MatchedOn));
        var caseId = referral.CaseId!.Value;

        // Nottingham City is told at once, with the concern and the child as it knows him.
        var told = await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.Concerns.Count == 1, "the concern at Nottingham City");
        Assert.Equal(("derbyshire", placementId), (told.HostAuthority, told.PlacementId));
        Assert.Equal(child["localId"]!.GetValue<string>(), told.Child.LocalId);
        var concern = Assert.Single(told.Concerns);
        Assert.Equal(("police", "name-and-date-of-birth"), (concern.Source, concern.MatchedOn));
        Assert.Equal(["criminal", "sexual"], concern.ExploitationTypes);
        Assert.Null(told.CurrentLevel);

        // The professionals meeting, then the initial CRE strategy meeting under the reciprocal arrangement.
        var today = Today(fixture);
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("professionals", today));
        var strategy = await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("initial-strategy", today, Assessment("high"), Plan(5, today)));
        Assert.Equal(("high", "high", AlignedVersion, "critical-high"), (strategy.Assessment!.Level, strategy.Assessment.DerivedLevel, strategy.Assessment.ToolVersion, strategy.Assessment.Rule));
        Assert.Equal(today.AddDays(42), strategy.NextReviewDue);
        Assert.Equal(5, strategy.Plan.Count);
        Assert.True(strategy.Attendance.ChildAttended);

        var tracked = await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.Meetings.Count == 2, "both meetings at Nottingham City");
        Assert.Equal(["professionals", "initial-strategy"], tracked.Meetings.Select(m => m.Type));
        Assert.Equal(("high", AlignedVersion, "critical-high"), (tracked.CurrentLevel, tracked.CurrentToolVersion, tracked.CurrentRule));
        Assert.Equal(today.AddDays(42), tracked.NextReviewDue);
        Assert.False(tracked.Overdue);
        Assert.Equal(5, tracked.Plan.Count);
        Assert.All(tracked.Plan, o => Assert.Equal(2, o.Actions.Count));
        Assert.Equal("Derbyshire Constabulary", tracked.Plan[0].Actions[1].Who);
        var initial = tracked.Meetings[1];
        Assert.Equal((true, false, true, false), (initial.Attendance.ChildAttended, initial.Attendance.ParentCarerAttended, initial.Attendance.ViewsGivenBefore, initial.Attendance.ChildMissing));
        Assert.NotNull(initial.Attendance.ChildViews);

        // The first review is not held within six weeks: Nottingham City sees it overdue, first in its list.
        fixture.Clock.Advance(TimeSpan.FromDays(43));
        var overdue = (await TrackingList(nottingham, "nottingham-city")).First();
        Assert.Equal((caseId, true), (overdue.CaseId, overdue.Overdue));

        // The review is held late (Medium), then six months on the risk is Low.
        var review = await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", Today(fixture), Assessment("medium"), Plan(3, Today(fixture))));
        Assert.Equal(Today(fixture).AddMonths(3), review.NextReviewDue);
        fixture.Clock.Advance(TimeSpan.FromDays(140));
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", Today(fixture), Assessment("low"), Plan(1, Today(fixture))));
        var reduced = await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.Meetings.Count == 4, "the latest review at Nottingham City");
        Assert.True(("low", false, 1) == (reduced.CurrentLevel, reduced.Overdue, reduced.Plan.Count),
            string.Join("; ", reduced.Meetings.Select(m => $"{m.Type} {m.HeldOn} {m.Assessment?.Level} {m.RecordedAt:O} {m.NextReviewDue}")) + $" | {reduced.CurrentLevel} {reduced.NextReviewDue}");

        // Nottingham City closes its child's case record; Derbyshire sees the closure.
        var close = await nottingham.PostAsJsonAsync($"/nottingham-city/tracking/{caseId}/close", new { reason = "risk-reduced", note = "No missing episodes for four months." });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var closed = await Eventually.Until(() => GetCase(derbyshire, "derbyshire", caseId), c => c.Status == "closed", what: "the closure at Derbyshire");
        Assert.Equal("risk-reduced", closed.Closed!.Reason);
        Assert.Equal(4, closed.Meetings.Count);
        Assert.Single(closed.Referrals);
        Assert.Empty(await TrackingList(nottingham, "nottingham-city"));
        Assert.Equal("closed", Assert.Single(await TrackingList(nottingham, "nottingham-city", includeClosed: true), t => t.CaseId == caseId).Status);

        // The monitor saw each step, and nothing that identifies him.
        await Eventually.Until(() => Task.FromResult(monitor.Messages<ReciprocalCaseClosureRecorded>().Count()), n => n == 1, what: "the closure event");
        Assert.Single(monitor.Messages<ReferralReceived>(), r => r.ReferralId == referral.Id && r.CrossBorder && r.To == "nottingham-city");
        Assert.Equal(4, monitor.Messages<ReciprocalMeetingHeld>().Count(m => m.CaseId == caseId));
        Assert.Equal([null, "high", "medium"], monitor.Messages<RiskLevelChanged>().Where(r => r.CaseId == caseId).Select(r => r.PreviousLevel));
        string[] identity = [child["givenName"]!.GetValue<string>(), child["familyName"]!.GetValue<string>(), child["localId"]!.GetValue<string>(),
            child["dateOfBirth"]!.GetValue<string>(), "9434765919", placementId.ToString(), "address of concern"];
        foreach (var (_, raw) in monitor.Received)
        {
            Assert.DoesNotContain(identity, p => raw.Contains(p, StringComparison.OrdinalIgnoreCase));
        }
    }
}

public sealed class When_derbyshire_receives_a_police_concern_about_a_child_placed_by_nottingham_city_on_postgres(ReferralRegion fixture)
    : When_derbyshire_receives_a_police_concern_about_a_child_placed_by_nottingham_city<ReferralRegion>(fixture), IClassFixture<ReferralRegion>;

public sealed class When_derbyshire_receives_a_police_concern_about_a_child_placed_by_nottingham_city_on_sqlite(SqliteReferralRegion fixture)
    : When_derbyshire_receives_a_police_concern_about_a_child_placed_by_nottingham_city<SqliteReferralRegion>(fixture), IClassFixture<SqliteReferralRegion>;
