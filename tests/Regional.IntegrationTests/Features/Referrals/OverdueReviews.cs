using Regional.Contracts.Monitoring.V1;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>
/// A reciprocal review not held by its due date is overdue on the placing authority's tracking
/// view, computed from the injected clock, and reported once to the monitor without identity.
/// </summary>
public sealed class When_a_reciprocal_review_is_not_held_in_time(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task The_placing_authority_sees_it_overdue_first_and_the_monitor_is_told_once()
    {
        await using var monitor = await TestBus.StartAsync(fixture.BrokerUri, "test.monitor.reviews", (e, bus) => bus.Capture<ReciprocalReviewOverdue>(e));
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        await AlignmentKnown(derbyshire, "derbyshire");

        // Two children: one Medium due sooner, one High due later.
        var (_, first) = await PlaceNottinghamChildInDerbyshire(fixture);
        var (_, second) = await PlaceNottinghamChildInDerbyshire(fixture, nhsNumber: null);
        var soon = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(first))).CaseId!.Value;
        var later = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(second))).CaseId!.Value;
        var today = Today(fixture);
        await HoldMeeting(derbyshire, "derbyshire", soon, Meeting("initial-strategy", today, Assessment("medium"), Plan(1, today), nextReviewDate: today.AddDays(14)));
        await HoldMeeting(derbyshire, "derbyshire", later, Meeting("initial-strategy", today, Assessment("high"), Plan(1, today)));
        await TrackedUntil(nottingham, "nottingham-city", later, t => t.CurrentLevel == "high", "the High case at Nottingham City");
        await TrackedUntil(nottingham, "nottingham-city", soon, t => t.CurrentLevel == "medium", "the Medium case at Nottingham City");

        // Before the due date: High first, nothing overdue.
        var list = await TrackingList(nottingham, "nottingham-city");
        Assert.Equal([later, soon], list.Select(t => t.CaseId));
        Assert.All(list, t => Assert.False(t.Overdue));

        // The day after the Medium case's due date: it is overdue, so it comes first.
        fixture.Clock.Advance(TimeSpan.FromDays(15));
        list = await TrackingList(nottingham, "nottingham-city");
        Assert.Equal([(soon, true), (later, false)], list.Select(t => (t.CaseId, t.Overdue)));
        Assert.True((await GetCase(derbyshire, "derbyshire", soon)).Overdue);

        var reported = await Eventually.Until(
            () => Task.FromResult(monitor.Messages<ReciprocalReviewOverdue>().Where(e => e.CaseId == soon).ToList()), found => found.Count > 0, what: "the overdue event");
        Assert.Equal(("derbyshire", "nottingham-city", today.AddDays(14)), (reported[0].From, reported[0].To, reported[0].DueOn));
        await Task.Delay(1500);
        Assert.Single(monitor.Messages<ReciprocalReviewOverdue>(), e => e.CaseId == soon);
        Assert.DoesNotContain(monitor.Messages<ReciprocalReviewOverdue>(), e => e.CaseId == later);
        foreach (var (_, raw) in monitor.Received)
        {
            Assert.DoesNotContain(first["familyName"]!.GetValue<string>(), raw, StringComparison.Ordinal);
            Assert.DoesNotContain(first["localId"]!.GetValue<string>(), raw, StringComparison.Ordinal);
        }

        // Holding the review clears it.
        await HoldMeeting(derbyshire, "derbyshire", soon, Meeting("review", Today(fixture), Assessment("low"), Plan(1, Today(fixture))));
        var cleared = await TrackedUntil(nottingham, "nottingham-city", soon, t => t.Meetings.Count == 2, "the review at Nottingham City");
        Assert.False(cleared.Overdue);
        Assert.Equal(Today(fixture).AddMonths(3), cleared.NextReviewDue);
    }
}
