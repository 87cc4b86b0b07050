using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Api.Referrals;
using Regional.Client;
using Regional.Contracts.Alerts.V1;
using Regional.IntegrationTests.Infrastructure;
using Regional.Referral.Data;
using static Regional.IntegrationTests.Features.Alerts.PoliceApi;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Alerts;

/// <summary>
/// Besides missing children, a force hears when a reciprocal review makes a child High (the force
/// covering where the child lives and the one covering the placing authority), and when a practitioner
/// reports a person, place or vehicle of concern (the force covering that place).
/// </summary>
public sealed class When_a_child_becomes_high_risk_or_a_place_is_of_concern(AlertsRegion fixture) : IClassFixture<AlertsRegion>
{
    [Fact]
    public async Task A_review_that_rates_the_child_high_alerts_both_forces_once()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var derbyshirePolice = await Officer(fixture, Derbyshire);
        using var nottinghamshirePolice = await Officer(fixture, Nottinghamshire);
        await AlignmentKnown(derbyshire, "derbyshire");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child))).CaseId!.Value;
        var today = Today(fixture);

        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("initial-strategy", today, Assessment("medium"), Plan(1, today)));
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", today, Assessment("high"), Plan(1, today)));

        foreach (var (officer, force) in new[] { (derbyshirePolice, Derbyshire), (nottinghamshirePolice, Nottinghamshire) })
        {
            var alert = await AlertAbout(officer, force, caseId, AlertKinds.HighRiskEscalation);
            Assert.Equal(("derbyshire", "high", "medium", TimeSpan.FromDays(1)), (alert.From, alert.Details["level"]!.GetValue<string>(),
                alert.Details["previousLevel"]!.GetValue<string>(), alert.DeadlineAt - alert.ReceivedAt));
            Assert.Equal(child["familyName"]!.GetValue<string>(), alert.Details["child"]!["familyName"]!.GetValue<string>());
            // The assessment's explanation and the child's ids stay with the authorities.
            Assert.False(alert.Details.ContainsKey("assessmentExplanation"));
            Assert.False(alert.Details.ContainsKey("childLocalId"));
            Assert.False(alert.Details["child"]!.AsObject().ContainsKey("nhsNumber"));
        }

        // Staying High is not becoming High: a further High review alerts no one again.
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", today, Assessment("high"), Plan(1, today)));
        await using (var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            await Eventually.Until(() => db.Outbox.AsNoTracking().AnyAsync(m => m.DispatchedAt == null), pending => !pending, what: "the outbox drained");
        }

        Assert.Equal(2, (await Stored(fixture, caseId)).Count(a => a.Kind == AlertKinds.HighRiskEscalation));
    }

    [Fact]
    public async Task An_intelligence_report_alerts_the_force_covering_the_place_only()
    {
        using var derby = await fixture.SignedInAs("derby-city.practitioner");
        using var derbyshirePolice = await Officer(fixture, Derbyshire);
        using var nottinghamshirePolice = await Officer(fixture, Nottinghamshire);

        var report = Ok(await RegionalClients.Referrals(derby).ReportIntelligence("derby-city", new ReportIntelligenceRequest(
            "vehicle", "nottinghamshire", "Blue hatchback collecting girls from outside the school at 3pm.", null, "ab12 cde",
            "Seen with a child looked after by Derby City", fixture.Clock.GetUtcNow().AddDays(-1))), HttpStatusCode.Created);
        Assert.Equal((Nottinghamshire, "AB12 CDE"), (report.Force, report.VehicleRegistration));

        var alert = await AlertAbout(nottinghamshirePolice, Nottinghamshire, report.Id, AlertKinds.PersonOrPlaceOfConcern);
        Assert.Equal(("derby-city", "vehicle", "AB12 CDE"), (alert.From, alert.Details["subject"]!.GetValue<string>(), alert.Details["vehicleRegistration"]!.GetValue<string>()));
        Assert.Equal(TimeSpan.FromDays(3), alert.DeadlineAt - alert.ReceivedAt);
        Assert.DoesNotContain(await Inbox(derbyshirePolice, Derbyshire), a => a.SourceId == report.Id);
        Assert.Contains(Ok(await RegionalClients.Referrals(derby).ListIntelligence("derby-city")), r => r.Id == report.Id);
    }

    [Theory]
    [InlineData("area", "leicestershire")]
    [InlineData("subject", "rumour")]
    [InlineData("address", null)]
    [InlineData("description", null)]
    [InlineData("observedAt", "future")]
    public async Task A_bad_intelligence_report_is_refused_naming_the_field_and_nothing_is_stored(string field, string? value)
    {
        using var derby = await fixture.SignedInAs("derby-city.practitioner");
        var body = new JsonObject
        {
            ["subject"] = "place",
            ["area"] = "derbyshire",
            ["description"] = "House where young people are given drugs to sell.",
            ["address"] = "3 Example Close, Belper",
        };
        body[field] = value == "future" ? fixture.Clock.GetUtcNow().AddDays(1) : value;
        var before = Ok(await RegionalClients.Referrals(derby).ListIntelligence("derby-city")).Length;

        await AssertRefused(await derby.PostAsJsonAsync("/derby-city/intelligence", body), field);

        Assert.Equal(before, Ok(await RegionalClients.Referrals(derby).ListIntelligence("derby-city")).Length);
        await using var scope = fixture.Region.ReferralServices("derby-city").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        Assert.Equal(before, await db.Outbox.AsNoTracking().CountAsync(m => m.MessageType == "urn:regional:alerts:person-or-place-of-concern:v1"));
    }

    [Fact]
    public async Task Bad_input_to_a_forces_inbox_is_refused_naming_the_field()
    {
        using var police = await Officer(fixture, Derbyshire);
        await AssertRefused(await police.GetAsync($"/police/{Derbyshire}/feed?after=not-a-cursor"), "after");
        await AssertRefused(await police.GetAsync($"/police/{Derbyshire}/feed?limit=0"), "limit");
        await AssertRefused(await police.GetAsync($"/police/{Derbyshire}/alerts?status=closed"), "status");
        await AssertRefused(await police.GetAsync($"/police/{Derbyshire}/alerts?kind=burglary"), "kind");

        var report = await ReportPlace();
        var alert = await AlertAbout(police, Derbyshire, report, AlertKinds.PersonOrPlaceOfConcern);
        await AssertRefused(
            await police.PostAsJsonAsync($"/police/{Derbyshire}/alerts/{alert.Reference}/acknowledge", new { by = new string('x', 201) }), "by");
        Assert.Equal("open", Ok(await RegionalClients.Alerts(police).Get(Derbyshire, alert.Reference)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostAsJsonAsync($"/police/{Derbyshire}/alerts/DP-1999-000001/acknowledge", new { by = "PC 1" })).StatusCode);
    }

    private async Task<Guid> ReportPlace()
    {
        using var derby = await fixture.SignedInAs("derby-city.practitioner");
        return Ok(await RegionalClients.Referrals(derby).ReportIntelligence("derby-city", new ReportIntelligenceRequest(
            "place", "derbyshire", "Park shelter where older males meet young people after school.", "Example Park, Ripley", null, null, null)),
            HttpStatusCode.Created).Id;
    }
}
