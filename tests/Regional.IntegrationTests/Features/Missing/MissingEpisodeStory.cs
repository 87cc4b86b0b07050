using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Client;
using Regional.Contracts;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.IntegrationTests.Infrastructure;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Features;
using static Regional.IntegrationTests.Features.Missing.MissingScene;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Missing;

/// <summary>
/// Issue 9, deliverable 1: a child Nottingham City placed in Derbyshire goes missing. The episode
/// is Nottingham City's record; Derbyshire's register shows the child missing, then returned; the
/// return home interview clock runs at both; the third episode in 30 days is flagged repeat.
/// </summary>
public abstract class When_a_child_placed_out_of_area_goes_missing<TRegion>(TRegion fixture)
    where TRegion : RegionFixture
{
    private const string Placing = MissingScene.Placing;
    private const string Host = MissingScene.Host;

    [Fact]
    public async Task The_host_sees_the_child_missing_updated_and_returned()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var since = Now().AddHours(-2);

        var reported = await Report(nottingham, placement.Id, since);
        Assert.Equal(("carer", "high", 1, false), (reported.ReportedBy, reported.RiskLevel, reported.EpisodeNumberInWindow, reported.Repeat));
        Assert.Null(reported.ReturnedAt);

        var entry = await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing is not null, what: "the child missing on the host's register");
        var missing = entry.Missing!;
        Assert.True(missing.CurrentlyMissing);
        Assert.Equal(reported.Id, missing.EpisodeId);
        Assert.Equal(since, missing.Since);
        Assert.Equal(("carer", "Slight build, 5ft 2, grey hoodie, white trainers", "PH-2026-0042", "07700 900123", "high", "Matlock bus station"),
            (missing.ReportedBy, missing.Description, missing.PhotoReference, missing.Phone, missing.RiskLevel, missing.LastSeenAt));
        Assert.Equal(["Chesterfield retail park", "Derby bus station"], missing.RiskAssessedLocations);
        Assert.Equal(["older male, blue hatchback"], missing.Associates);
        Assert.Contains(await MissingNow(derbyshire), e => e.PlacementId == placement.Id);

        // The host's copy holds what the rule lets it have, and the rule names every field the message carries.
        var rule = SharingRules.Default.For(typeof(MissingEpisodeReported))!.Recipients[RecipientType.HostAuthority];
        var carried = typeof(MissingEpisodeReported).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        Assert.Equal(carried.Order(), rule.Fields.Order());
        await using (var scope = fixture.Region.PlacementServices(Host).CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            var stored = await db.RegisterMissing.AsNoTracking().SingleAsync(m => m.PlacementId == placement.Id);
            Assert.Equal((reported.Id, placement.Child.LocalId, since, "Slight build, 5ft 2, grey hoodie, white trainers", "PH-2026-0042", "high"),
                (stored.EpisodeId, stored.ChildLocalId, stored.MissingSince, stored.Description, stored.PhotoReference, stored.RiskLevel));
            Assert.Equal(["Chesterfield retail park", "Derby bus station"], stored.RiskAssessedLocations);
            Assert.Null(stored.ReturnedAt);
        }

        // Nottingham City sees its episode on the placement.
        Assert.Equal(reported.Id, Assert.Single((await GetPlacement(nottingham, Placing, placement.Id)).MissingEpisodes!).Id);

        var update = await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{reported.Id}/update",
            new { riskLevel = "medium", associates = new[] { "older male, blue hatchback", "two peers from school" } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = (await update.Content.ReadFromJsonAsync<MissingEpisodeView>(Json))!;
        Assert.Equal(("medium", "Slight build, 5ft 2, grey hoodie, white trainers"), (updated.RiskLevel, updated.Description));
        missing = (await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.RiskLevel == "medium", what: "the update on the register")).Missing!;
        Assert.Equal(["older male, blue hatchback", "two peers from school"], missing.Associates);

        var returnedAt = Now().AddMinutes(-5);
        var back = await Return(nottingham, placement.Id, reported.Id, returnedAt);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        missing = (await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.ReturnedAt is not null, what: "the return on the register")).Missing!;
        Assert.False(missing.CurrentlyMissing);
        Assert.Equal((returnedAt, "friend's flat, Chesterfield", "Derbyshire Constabulary"), (missing.ReturnedAt!.Value, missing.FoundWhere, missing.FoundBy));
        Assert.Equal(returnedAt.AddHours(72), missing.ReturnHomeInterview!.DueBy);
        Assert.False(missing.ReturnHomeInterview.Overdue);
        Assert.DoesNotContain(await MissingNow(derbyshire), e => e.PlacementId == placement.Id);

        // The interview done: the host's register no longer shows the episode.
        var rhi = await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{reported.Id}/return-home-interview",
            new { outcome = "done", by = "Independent RHI worker", independent = true, at = Now().AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.OK, rhi.StatusCode);
        await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing is null, what: "the episode closed on the register");
        var episode = Assert.Single((await GetPlacement(nottingham, Placing, placement.Id)).MissingEpisodes!);
        Assert.Equal(("done", true, false), (episode.ReturnHomeInterview!.Outcome, episode.ReturnHomeInterview.Independent!.Value, episode.ReturnHomeInterview.Overdue));
    }

    [Fact]
    public async Task A_second_open_episode_is_a_conflict()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        await Report(nottingham, placement.Id, Now().AddHours(-1));

        var again = await nottingham.PostAsJsonAsync($"/{Placing}/placements/{placement.Id}/missing", ReportBody(Now().AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await Episodes(nottingham, placement.Id));
    }

    [Fact]
    public async Task Two_reports_racing_for_one_placement_open_one_episode()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            nottingham.PostAsJsonAsync($"/{Placing}/placements/{placement.Id}/missing", ReportBody(Now().AddMinutes(-10 - i)))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await Episodes(nottingham, placement.Id));
    }

    [Fact]
    public async Task A_return_that_overtakes_its_report_lands_once_the_report_has()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var episodeId = Guid.NewGuid();
        var since = Now().AddHours(-3);
        var returned = new ChildReturned(episodeId, placement.Id, Placing, Host, placement.Child.LocalId, since.AddHours(2), "home", "carer", since.AddHours(74));
        var report = new MissingEpisodeReported(
            episodeId, placement.Id, Placing, Host, placement.Child.LocalId, since, "carer", "grey hoodie", null, [], [], null, "low", null, 1, false, since);

        await using var bus = await TestBus.StartAsync(fixture.BrokerUri, $"test.out-of-order.{typeof(TRegion).Name}", (_, _) => { });
        await bus.SendRaw($"{Host}.placement", typeof(ChildReturned), returned, Guid.NewGuid());
        await Task.Delay(1000);
        await using (var scope = fixture.Region.PlacementServices(Host).CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            Assert.False(await db.RegisterMissing.AnyAsync(m => m.EpisodeId == episodeId));
        }

        await bus.SendRaw($"{Host}.placement", typeof(MissingEpisodeReported), report, Guid.NewGuid());
        var missing = (await Eventually.Until(
            () => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.ReturnedAt is not null, what: "the return after its report")).Missing!;
        Assert.Equal((episodeId, since.AddHours(2), since.AddHours(74)), (missing.EpisodeId, missing.ReturnedAt!.Value, missing.ReturnHomeInterview!.DueBy));
    }

    [Fact]
    public async Task The_return_home_interview_is_overdue_at_both_authorities_72_hours_and_a_minute_after_the_return()
    {
        await using var monitor = await TestBus.StartAsync(fixture.BrokerUri, $"test.monitor.rhi.{typeof(TRegion).Name}", (e, bus) => bus.Capture<ReturnHomeInterviewOverdue>(e));
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var reported = await Report(nottingham, placement.Id, Now().AddHours(-6));
        var returnedAt = Now().AddMinutes(-1);
        Assert.Equal(HttpStatusCode.OK, (await Return(nottingham, placement.Id, reported.Id, returnedAt)).StatusCode);
        await Eventually.Until(() => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.ReturnedAt is not null, what: "the return on the register");

        // Offered is not enough: only done or declined answers the clock.
        var offered = await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{reported.Id}/return-home-interview",
            new { outcome = "offered", by = "Placing authority social worker", independent = false, at = Now() });
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var services = fixture.Region.PlacementServices(Placing);
        await services.GetRequiredService<ReturnHomeInterviewSweep>().SweepAsync(CancellationToken.None);
        Assert.False(Assert.Single(await Episodes(nottingham, placement.Id)).ReturnHomeInterview!.Overdue);

        fixture.Clock.Advance(returnedAt.AddHours(72).AddMinutes(1) - fixture.Clock.GetUtcNow());
        await services.GetRequiredService<ReturnHomeInterviewSweep>().SweepAsync(CancellationToken.None);

        var atPlacing = Assert.Single(await Episodes(nottingham, placement.Id)).ReturnHomeInterview!;
        Assert.True(atPlacing.Overdue);
        Assert.Equal("offered", atPlacing.Outcome);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            Assert.NotNull((await db.MissingEpisodes.AsNoTracking().SingleAsync(e => e.Id == reported.Id)).ReturnHomeInterviewOverdueAt);
        }

        var atHost = (await Eventually.Until(
            () => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.ReturnHomeInterview?.Outcome == "offered", what: "the offer on the register")).Missing!;
        Assert.True(atHost.ReturnHomeInterview!.Overdue);

        var events = await Eventually.Until(
            () => Task.FromResult(monitor.Messages<ReturnHomeInterviewOverdue>().Where(e => e.EpisodeId == reported.Id).ToList()),
            found => found.Count > 0, what: "the overdue event");
        var only = Assert.Single(events);
        Assert.Equal((Placing, Host, returnedAt.AddHours(72)), (only.From, only.To, only.DueBy));

        // Once per episode, however often the sweep runs; and no child data in the event.
        await services.GetRequiredService<ReturnHomeInterviewSweep>().SweepAsync(CancellationToken.None);
        await Task.Delay(1000);
        Assert.Single(monitor.Messages<ReturnHomeInterviewOverdue>(), e => e.EpisodeId == reported.Id);
        foreach (var (_, raw) in monitor.Received)
        {
            Assert.DoesNotContain(placement.Child.LocalId, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(placement.Child.FamilyName, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(placement.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("grey hoodie", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_third_episode_in_30_days_is_flagged_repeat()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var now = Now();
        var flags = new List<(int, bool)>();
        foreach (var daysAgo in new[] { 70, 20, 10, 1 })
        {
            var episode = await Report(nottingham, placement.Id, now.AddDays(-daysAgo));
            flags.Add((episode.EpisodeNumberInWindow, episode.Repeat));
            Assert.Equal(HttpStatusCode.OK, (await Return(nottingham, placement.Id, episode.Id, now.AddDays(-daysAgo).AddHours(5))).StatusCode);
        }

        // 70 days ago is outside every window; 20, 10 and 1 days ago make three within 30 days.
        Assert.Equal([(1, false), (1, false), (2, false), (3, true)], flags);
        var host = await Eventually.Until(
            () => InRegister(derbyshire, Host, placement.Id), e => e.Missing?.EpisodeNumberInWindow == 3 && e.Missing.ReturnedAt is not null, what: "the repeat on the register");
        Assert.True(host.Missing!.Repeat);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("riskLevel")]
    [InlineData("missingSince")]
    [InlineData("reportedBy")]
    public async Task A_bad_report_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var body = ReportBody(Now().AddHours(-1));
        switch (field)
        {
            case "description": body.Remove("description"); break;
            case "riskLevel": body["riskLevel"] = "critical"; break;
            case "missingSince": body["missingSince"] = Now().AddHours(1); break;
            case "reportedBy": body["reportedBy"] = "neighbour"; break;
        }

        await AssertRefused(await nottingham.PostAsJsonAsync($"/{Placing}/placements/{placement.Id}/missing", body), field);
        Assert.Empty(await Episodes(nottingham, placement.Id));
        await AssertNothingSentAbout(placement.Id);
    }

    [Fact]
    public async Task A_return_before_the_episode_began_or_an_interview_before_the_return_is_refused()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await CurrentPlacement(nottingham, derbyshire);
        var since = Now().AddHours(-3);
        var episode = await Report(nottingham, placement.Id, since);

        await AssertRefused(await Return(nottingham, placement.Id, episode.Id, since.AddMinutes(-1)), "returnedAt");
        var missingFoundBy = await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{episode.Id}/return", new { returnedAt = since.AddHours(1), foundWhere = "home" });
        await AssertRefused(missingFoundBy, "foundBy");
        Assert.Null(Assert.Single(await Episodes(nottingham, placement.Id)).ReturnedAt);

        var returnedAt = since.AddHours(2);
        Assert.Equal(HttpStatusCode.OK, (await Return(nottingham, placement.Id, episode.Id, returnedAt)).StatusCode);
        var early = await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{episode.Id}/return-home-interview",
            new { outcome = "done", by = "RHI worker", independent = true, at = returnedAt.AddMinutes(-1) });
        await AssertRefused(early, "at");
        var unknown = await nottingham.PostAsJsonAsync(
            $"/{Placing}/placements/{placement.Id}/missing/{episode.Id}/return-home-interview",
            new { outcome = "skipped", by = "RHI worker", independent = true, at = returnedAt.AddMinutes(1) });
        await AssertRefused(unknown, "outcome");
        var stored = Assert.Single(await Episodes(nottingham, placement.Id));
        Assert.Null(stored.ReturnHomeInterview!.Outcome);
        Assert.Null(stored.ReturnHomeInterview.At);
    }

    private DateTimeOffset Now() => MissingScene.Now(fixture);

    private static Task<HttpResponseMessage> Return(HttpClient client, Guid placementId, Guid episodeId, DateTimeOffset at) =>
        client.PostAsJsonAsync(
            $"/{Placing}/placements/{placementId}/missing/{episodeId}/return",
            new { returnedAt = at, foundWhere = "friend's flat, Chesterfield", foundBy = "Derbyshire Constabulary" });

    private static async Task<MissingEpisodeView[]> Episodes(HttpClient client, Guid placementId) =>
        Ok(await RegionalClients.Placements(client).ListMissing(Placing, placementId));

    private static async Task<RegisterEntryView[]> MissingNow(HttpClient client) =>
        (await client.GetFromJsonAsync<RegisterEntryView[]>($"/{Host}/register?missing=true", Json))!;

    /// <summary>Nothing about the episode went into the placing authority's outbox.</summary>
    private async Task AssertNothingSentAbout(Guid placementId)
    {
        await using var scope = fixture.Region.PlacementServices(Placing).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        Assert.Equal(0, await db.MissingEpisodes.CountAsync(e => e.PlacementId == placementId));
        var about = placementId.ToString();
        var kinds = await db.Outbox.AsNoTracking().Where(m => m.Body.Contains(about)).Select(m => m.MessageType).ToListAsync();
        Assert.Contains("urn:regional:placements:placement-notice:v1", kinds);
        Assert.DoesNotContain("urn:regional:placements:missing-episode-reported:v1", kinds);
    }
}

public sealed class When_a_child_placed_out_of_area_goes_missing_on_postgres(PostgresRegion fixture)
    : When_a_child_placed_out_of_area_goes_missing<PostgresRegion>(fixture), IClassFixture<PostgresRegion>;

public sealed class When_a_child_placed_out_of_area_goes_missing_on_sqlite(SqliteRegion fixture)
    : When_a_child_placed_out_of_area_goes_missing<SqliteRegion>(fixture), IClassFixture<SqliteRegion>;
