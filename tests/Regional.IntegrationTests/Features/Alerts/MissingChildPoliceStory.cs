using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Regional.Alerts.Domain;
using Regional.Alerts.Features;
using Regional.Api.Alerts;
using Regional.Client;
using Regional.Contracts.Alerts.V1;
using Regional.Contracts.Monitoring.V1;
using Regional.IntegrationTests.Infrastructure;
using Regional.IntegrationTests.Features.Missing;
using static Regional.IntegrationTests.Features.Alerts.PoliceApi;
using static Regional.IntegrationTests.Features.Missing.MissingScene;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Alerts;

/// <summary>
/// Issue 9: a child Nottingham City placed in a Derbyshire foster home goes missing. Derbyshire
/// Constabulary (where the child is missing from) and Nottinghamshire Police (covering the placing
/// authority) each get an alert with a reference and a deadline, and see only their own. Derbyshire
/// acknowledges; Nottinghamshire does not, and its alert escalates at the deadline. The return tells
/// both forces.
/// </summary>
public abstract partial class When_a_child_placed_out_of_area_goes_missing_the_police_are_alerted<TRegion>(TRegion fixture)
    where TRegion : AlertsRegion
{
    private const string Placing = MissingScene.Placing;
    private const string Host = MissingScene.Host;

    [GeneratedRegex(@"^(DP|NP)-\d{4}-\d{6}$")]
    private static partial Regex Reference();

    [Fact]
    public async Task Both_forces_are_alerted_each_sees_only_its_own_and_the_unacknowledged_one_escalates_at_its_deadline()
    {
        await using var monitor = await TestBus.StartAsync(fixture.BrokerUri, $"test.monitor.alerts.{typeof(TRegion).Name}", (e, bus) => bus.Capture<PoliceAlertStepRecorded>(e));
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        using var derbyshirePolice = await Officer(fixture, Derbyshire);
        using var nottinghamshirePolice = await Officer(fixture, Nottinghamshire);
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var episode = await Report(nottingham, placement.Id, Now().AddMinutes(-20));

        var atDerbyshire = await AlertAbout(derbyshirePolice, Derbyshire, episode.Id, AlertKinds.MissingFromPlacement);
        var atNottinghamshire = await AlertAbout(nottinghamshirePolice, Nottinghamshire, episode.Id, AlertKinds.MissingFromPlacement);
        Assert.Matches(Reference(), atDerbyshire.Reference);
        Assert.StartsWith("DP-", atDerbyshire.Reference, StringComparison.Ordinal);
        Assert.StartsWith("NP-", atNottinghamshire.Reference, StringComparison.Ordinal);
        Assert.All(new[] { atDerbyshire, atNottinghamshire }, a =>
        {
            Assert.Equal((AlertStatuses.Open, Placing, TimeSpan.FromMinutes(30)), (a.Status, a.From, a.DeadlineAt - a.ReceivedAt));
            Assert.Equal("Slight build, 5ft 2, grey hoodie, white trainers", a.Details["description"]!.GetValue<string>());
            Assert.Equal("Jordan", a.Details["child"]!["givenName"]!.GetValue<string>());
            Assert.Equal("Matlock", a.Details["missingFrom"]!["town"]!.GetValue<string>());
        });

        // Each force sees only its own: one alert for this episode in each inbox, none of the other's.
        Assert.Single(await Inbox(derbyshirePolice, Derbyshire), a => a.SourceId == episode.Id);
        Assert.All(await Inbox(derbyshirePolice, Derbyshire), a => Assert.Equal(Derbyshire, a.Force));
        Assert.All(await Inbox(nottinghamshirePolice, Nottinghamshire), a => Assert.Equal(Nottinghamshire, a.Force));
        var across = await RegionalClients.Alerts(derbyshirePolice).Get(Nottinghamshire, atNottinghamshire.Reference);
        Assert.Equal(HttpStatusCode.Forbidden, across.StatusCode);
        Assert.Equal(2, (await Stored(fixture, episode.Id)).Count);

        // Derbyshire acknowledges; a repeat (a force system retrying) answers with the first acknowledgement.
        var acknowledged = Ok(await RegionalClients.Alerts(derbyshirePolice).Acknowledge(Derbyshire, atDerbyshire.Reference, new AcknowledgeAlertRequest("PC 1234 Example")));
        Assert.Equal((AlertStatuses.Acknowledged, "PC 1234 Example"), (acknowledged.Status, acknowledged.AcknowledgedBy));
        var again = Ok(await RegionalClients.Alerts(derbyshirePolice).Acknowledge(Derbyshire, atDerbyshire.Reference, new AcknowledgeAlertRequest("PC 9999 Other")));
        Assert.Equal(("PC 1234 Example", acknowledged.AcknowledgedAt), (again.AcknowledgedBy, again.AcknowledgedAt));

        // Nottinghamshire does not: a minute before its deadline nothing happens, a minute after it escalates.
        var sweep = fixture.Region.AlertsServices.GetRequiredService<EscalationSweep>();
        fixture.Clock.Advance(atNottinghamshire.DeadlineAt.AddMinutes(-1) - fixture.Clock.GetUtcNow());
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal(AlertStatuses.Open, Ok(await RegionalClients.Alerts(nottinghamshirePolice).Get(Nottinghamshire, atNottinghamshire.Reference)).Status);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await sweep.SweepAsync(CancellationToken.None);
        var escalated = Ok(await RegionalClients.Alerts(nottinghamshirePolice).Get(Nottinghamshire, atNottinghamshire.Reference));
        Assert.Equal(AlertStatuses.Escalated, escalated.Status);
        Assert.True(escalated.Overdue);
        var escalation = Assert.Single(await Inbox(nottinghamshirePolice, Nottinghamshire, kind: AlertKinds.Unacknowledged), a => a.EscalationOf == atNottinghamshire.Reference);
        Assert.Equal(AlertStatuses.Open, escalation.Status);
        Assert.Equal(AlertStatuses.Acknowledged, Ok(await RegionalClients.Alerts(derbyshirePolice).Get(Derbyshire, atDerbyshire.Reference)).Status);
        Assert.DoesNotContain(await Inbox(derbyshirePolice, Derbyshire, kind: AlertKinds.Unacknowledged), a => a.SourceId == episode.Id);

        // Once, however often the sweep runs.
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Single(await Inbox(nottinghamshirePolice, Nottinghamshire, kind: AlertKinds.Unacknowledged), a => a.EscalationOf == atNottinghamshire.Reference);

        // The monitor hears each step, with no child data.
        var steps = await Eventually.Until(
            () => Task.FromResult(monitor.Messages<PoliceAlertStepRecorded>().Where(e => e.AlertId == atNottinghamshire.Id || e.AlertId == atDerbyshire.Id).ToList()),
            found => found.Any(e => e.Step == AlertSteps.Escalated), what: "the escalation event");
        Assert.Contains(steps, e => e.AlertId == atDerbyshire.Id && e.Step == AlertSteps.Acknowledged && e.To == Derbyshire);
        Assert.Single(steps, e => e.AlertId == atNottinghamshire.Id && e.Step == AlertSteps.Escalated);
        Assert.All(steps, e => Assert.Equal((Placing, AlertKinds.MissingFromPlacement), (e.From, e.Kind)));
        foreach (var (_, raw) in monitor.Received)
        {
            Assert.DoesNotContain(placement.Child.LocalId, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(placement.Child.FamilyName, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(episode.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("grey hoodie", raw, StringComparison.Ordinal);
        }

        // Found: both forces are told, where and by whom.
        var returnedAt = Now().AddMinutes(-1);
        Assert.Equal(HttpStatusCode.OK, (await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{episode.Id}/return",
            new { returnedAt, foundWhere = "friend's flat, Chesterfield", foundBy = "Derbyshire Constabulary" })).StatusCode);
        foreach (var (officer, force) in new[] { (derbyshirePolice, Derbyshire), (nottinghamshirePolice, Nottinghamshire) })
        {
            var found = await AlertAbout(officer, force, episode.Id, AlertKinds.Found);
            Assert.Equal("friend's flat, Chesterfield", found.Details["foundWhere"]!.GetValue<string>());
            Assert.Equal(returnedAt, found.Details["returnedAt"]!.GetValue<DateTimeOffset>());
        }
    }

    [Fact]
    public async Task The_host_passes_on_a_report_the_placing_authority_records_it_and_both_forces_are_alerted()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        using var derbyshirePolice = await Officer(fixture, Derbyshire);
        using var nottinghamshirePolice = await Officer(fixture, Nottinghamshire);
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var body = ReportBody(Now().AddMinutes(-15));
        body["reportedBy"] = "host-authority";

        var passed = Ok(await RegionalClients.Placements(derbyshire).ReportMissingAsHost(Host, placement.Id, body.Deserialize<ReportMissingRequest>(Json)!), HttpStatusCode.Accepted);
        Assert.Equal((placement.Id, Placing), (passed.PlacementId, passed.PlacingAuthority));

        // The placing authority owns the episode, under the id the host was given.
        var episodes = await Eventually.Until(
            async () => Ok(await RegionalClients.Placements(nottingham).ListMissing(Placing, placement.Id)),
            e => e.Any(x => x.Id == passed.EpisodeId), what: "the episode at the placing authority");
        Assert.Equal(("host-authority", "Slight build, 5ft 2, grey hoodie, white trainers"), (episodes.Single().ReportedBy, episodes.Single().Description));
        await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.EpisodeId == passed.EpisodeId, what: "the episode on the host's register");
        await AlertAbout(derbyshirePolice, Derbyshire, passed.EpisodeId, AlertKinds.MissingFromPlacement);
        await AlertAbout(nottinghamshirePolice, Nottinghamshire, passed.EpisodeId, AlertKinds.MissingFromPlacement);

        // Once it shows on the register, a second report from the host is a conflict, not a second episode.
        var again = await derbyshire.PostAsJsonAsync($"/{Host}/register/{placement.Id}/missing", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(Ok(await RegionalClients.Placements(nottingham).ListMissing(Placing, placement.Id)));
    }

    [Fact]
    public async Task A_host_report_crossing_the_placing_authoritys_own_joins_the_open_episode_and_is_not_lost()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var since = Now().AddMinutes(-30);
        var own = await Report(nottingham, placement.Id, since);

        // The host's report was sent before it heard of the placing authority's: it arrives while the episode is open.
        var crossing = new Regional.Contracts.Placements.V1.MissingEpisodeReportedByHost(
            Guid.NewGuid(), placement.Id, Host, Placing, placement.Child.LocalId, since.AddMinutes(5), "carer", "Seen getting into a taxi",
            null, ["Chesterfield train station"], ["two older girls"], null, "high", null, Now());
        await using var bus = await TestBus.StartAsync(fixture.BrokerUri, $"test.crossing.{typeof(TRegion).Name}", (_, _) => { });
        await bus.SendRaw($"{Placing}.placement", typeof(Regional.Contracts.Placements.V1.MissingEpisodeReportedByHost), crossing, Guid.NewGuid());

        var joined = await Eventually.Until(
            async () => Ok(await RegionalClients.Placements(nottingham).ListMissing(Placing, placement.Id)),
            e => e.Single().Associates.Contains("two older girls"), what: "the host's report joined to the open episode");
        var episode = Assert.Single(joined);
        Assert.Equal(own.Id, episode.Id);
        Assert.Contains("Chesterfield train station", episode.RiskAssessedLocations);
        Assert.Contains("Derby bus station", episode.RiskAssessedLocations);
        Assert.Contains("Seen getting into a taxi", episode.Description, StringComparison.Ordinal);
        Assert.StartsWith("Slight build", episode.Description, StringComparison.Ordinal);
        await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.Associates.Contains("two older girls") == true, what: "the joined details on the host's register");
    }

    [Fact]
    public async Task A_bad_report_from_the_host_is_refused_naming_the_field_and_nothing_is_passed_on()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var body = ReportBody(Now().AddHours(1));

        await AssertRefused(await derbyshire.PostAsJsonAsync($"/{Host}/register/{placement.Id}/missing", body), "missingSince");
        await using var scope = fixture.Region.PlacementServices(Host).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Regional.Placement.Data.PlacementDbContext>();
        Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Outbox, m => m.MessageType == "urn:regional:placements:missing-episode-reported-by-host:v1" && m.Body.Contains(placement.Id.ToString())));
    }

    [Fact]
    public async Task Police_payloads_hold_none_of_the_fields_their_rule_excludes()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        using var police = await Officer(fixture, Derbyshire);
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var episode = await Report(nottingham, placement.Id, Now().AddMinutes(-5));
        var alert = await AlertAbout(police, Derbyshire, episode.Id, AlertKinds.MissingFromPlacement);

        // What the force reads, what it pulls from its feed and what the alerts database holds.
        var feed = Ok(await RegionalClients.Alerts(police).Feed(Derbyshire, limit: 500)).Items.Single(a => a.Id == alert.Id);
        var stored = (await Stored(fixture, episode.Id)).Single(a => a.Force == Derbyshire);
        foreach (var details in new[] { alert.Details, feed.Details, JsonNode.Parse(stored.Details)!.AsObject() })
        {
            // Excluded by the rule: the council's own id, the NHS number, ethnicity, legal status, exploitation history.
            Assert.False(details.ContainsKey("childLocalId"));
            Assert.False(details.ContainsKey("legalStatus"));
            Assert.False(details.ContainsKey("exploitationRisks"));
            var child = details["child"]!.AsObject();
            Assert.False(child.ContainsKey("localId"));
            Assert.False(child.ContainsKey("nhsNumber"));
            Assert.False(child.ContainsKey("ethnicity"));
            Assert.Equal(["dateOfBirth", "familyName", "gender", "givenName"], child.Select(p => p.Key).Order(StringComparer.Ordinal));
        }

        var raw = stored.Details;
        Assert.DoesNotContain(placement.Child.LocalId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("943 476 5919", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("White British", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("C2", raw, StringComparison.Ordinal);

        // The disclosure is audited at the placing authority and in its "who saw what".
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var access = await Eventually.Until(
            async () => Ok(await RegionalClients.Consent(coordinator).GetAccess(Placing, placement.Child.LocalId)),
            entries => entries.Count(e => e.What == "urn:regional:alerts:missing-from-placement:v1") == 2,
            what: "both forces in who saw what");
        var toPolice = access.Where(e => e.What == "urn:regional:alerts:missing-from-placement:v1").ToList();
        Assert.Equal([Derbyshire, Nottinghamshire], toPolice.Select(e => e.Counterpart).Order(StringComparer.Ordinal));
        Assert.All(toPolice, e =>
        {
            Assert.Equal("statutory", e.Basis);
            Assert.DoesNotContain("child.nhsNumber", e.Fields);
            Assert.Contains("child.givenName", e.Fields);
        });
    }

    [Fact]
    public async Task A_report_that_is_refused_alerts_no_force()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var body = ReportBody(Now().AddMinutes(-5));
        body.Remove("description");
        var before = await AlertsQueued();

        await AssertRefused(await nottingham.PostAsJsonAsync($"/{Placing}/placements/{placement.Id}/missing", body), "description");

        Assert.Equal(before, await AlertsQueued());
        Assert.Empty(Ok(await RegionalClients.Placements(nottingham).ListMissing(Placing, placement.Id)));

        // A return before the episode began is refused too, and no force hears of a return.
        var since = Now().AddHours(-2);
        var episode = await Report(nottingham, placement.Id, since);
        var reported = await AlertsQueued();
        await AssertRefused(await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{episode.Id}/return",
            new { returnedAt = since.AddMinutes(-1), foundWhere = "home", foundBy = "carer" }), "returnedAt");
        Assert.Equal(reported, await AlertsQueued());
        Assert.DoesNotContain(await Stored(fixture, episode.Id), a => a.Kind == AlertKinds.Found);
    }

    /// <summary>How many alerts the placing authority has ever queued for a force.</summary>
    private async Task<int> AlertsQueued()
    {
        await using var scope = fixture.Region.PlacementServices(Placing).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Regional.Placement.Data.PlacementDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Outbox, m => m.MessageType.StartsWith("urn:regional:alerts:"));
    }

    private DateTimeOffset Now() => MissingScene.Now(fixture);
}

public sealed class When_a_child_placed_out_of_area_goes_missing_the_police_are_alerted_on_postgres(AlertsRegion fixture)
    : When_a_child_placed_out_of_area_goes_missing_the_police_are_alerted<AlertsRegion>(fixture), IClassFixture<AlertsRegion>;

public sealed class When_a_child_placed_out_of_area_goes_missing_the_police_are_alerted_on_sqlite(SqliteAlertsRegion fixture)
    : When_a_child_placed_out_of_area_goes_missing_the_police_are_alerted<SqliteAlertsRegion>(fixture), IClassFixture<SqliteAlertsRegion>;
