using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>
/// Meetings are checked against the case's own history, and the meeting held last stands,
/// whatever order people enter them in: at the host and at the placing authority alike.
/// </summary>
public sealed class When_meetings_are_entered_out_of_the_order_they_were_held(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    private async Task<(HttpClient Derbyshire, HttpClient Nottingham, Guid CaseId, DateOnly ConcernDate)> ACaseOpenedDaysAgo(int days)
    {
        var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        await AlignmentKnown(derbyshire, "derbyshire");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var concernDate = Today(fixture).AddDays(-days);
        var concern = PoliceConcern(child);
        concern["concernDate"] = concernDate.ToString("yyyy-MM-dd");
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", concern)).CaseId!.Value;
        return (derbyshire, nottingham, caseId, concernDate);
    }

    private static async Task<JsonObject> Refused(HttpClient client, Guid caseId, JsonObject meeting)
    {
        var response = await client.PostAsJsonAsync($"/derbyshire/cases/{caseId}/meetings", meeting);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_review_entered_late_does_not_overturn_the_review_held_after_it_at_either_authority()
    {
        var (derbyshire, nottingham, caseId, opened) = await ACaseOpenedDaysAgo(50);
        var strategyOn = opened.AddDays(5);
        var laterReviewOn = opened.AddDays(40);
        var earlierReviewOn = opened.AddDays(30);
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("initial-strategy", strategyOn, Assessment("high"), Plan(1, strategyOn)));
        var later = await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", laterReviewOn, Assessment("medium"), Plan(2, laterReviewOn)));

        // The review held ten days earlier is typed up afterwards.
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", earlierReviewOn, Assessment("low"), Plan(1, earlierReviewOn)));

        var atHost = await GetCase(derbyshire, "derbyshire", caseId);
        Assert.Equal(("medium", later.NextReviewDue), (atHost.CurrentLevel, atHost.NextReviewDue));

        var atPlacing = await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.Meetings.Count == 3, "all three meetings at Nottingham City");
        Assert.Equal(("medium", later.NextReviewDue, 2), (atPlacing.CurrentLevel, atPlacing.NextReviewDue, atPlacing.Plan.Count));
    }

    [Fact]
    public async Task A_review_dated_before_the_initial_strategy_meeting_is_refused_naming_the_date()
    {
        var (derbyshire, _, caseId, opened) = await ACaseOpenedDaysAgo(30);
        var strategyOn = opened.AddDays(10);
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("initial-strategy", strategyOn, Assessment("high"), Plan(1, strategyOn)));

        var problem = await Refused(derbyshire, caseId, Meeting("review", strategyOn.AddDays(-3), Assessment("medium"), Plan(1, strategyOn)));

        Assert.Contains("initial strategy meeting", problem["errors"]!["heldOn"]![0]!.GetValue<string>());
        var stored = await GetCase(derbyshire, "derbyshire", caseId);
        Assert.Single(stored.Meetings);
        Assert.Equal("high", stored.CurrentLevel);
    }

    [Fact]
    public async Task A_meeting_dated_before_the_concern_that_opened_the_case_is_refused()
    {
        var (derbyshire, _, caseId, opened) = await ACaseOpenedDaysAgo(10);

        var problem = await Refused(derbyshire, caseId, Meeting("professionals", opened.AddDays(-90)));

        Assert.Contains("before the concern", problem["errors"]!["heldOn"]![0]!.GetValue<string>());
        Assert.Empty((await GetCase(derbyshire, "derbyshire", caseId)).Meetings);
    }

    [Fact]
    public async Task An_emergency_placement_starting_in_the_future_is_refused_naming_the_start_date()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var body = SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]);
        body["isEmergency"] = true;
        body["startDate"] = Today(fixture).AddMonths(6).ToString("yyyy-MM-dd");

        var response = await nottingham.PostAsJsonAsync("/nottingham-city/placements", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("emergency", problem["errors"]!["startDate"]![0]!.GetValue<string>());

        // The same placement, planned, is accepted: only emergencies have started already.
        body["isEmergency"] = false;
        Assert.Equal(HttpStatusCode.Created, (await nottingham.PostAsJsonAsync("/nottingham-city/placements", body)).StatusCode);
    }
}
