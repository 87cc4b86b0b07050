using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Regional.Client;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Missing;

/// <summary>The scene of the missing-child stories: a Nottingham City child placed in Derbyshire, and a carer's report.</summary>
public static class MissingScene
{
    public const string Placing = "nottingham-city";
    public const string Host = "derbyshire";

    /// <summary>The fixture's clock to the second, as people report times (SQLite keeps instants to the millisecond).</summary>
    public static DateTimeOffset Now(RegionFixture fixture)
    {
        var now = fixture.Clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>A placement that began 100 days ago, once it is on the host's register.</summary>
    public static async Task<PlacementView> CurrentPlacement(HttpClient nottingham, HttpClient derbyshire)
    {
        var body = SamplePlacement(host: Host, localId: $"NC-{Guid.NewGuid():N}"[..12]);
        body["startDate"] = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd");
        var placement = await RecordPlacement(nottingham, Placing, body);
        await InRegister(derbyshire, Host, placement.Id);
        return placement;
    }

    public static JsonObject ReportBody(DateTimeOffset since) => new()
    {
        ["missingSince"] = since,
        ["reportedBy"] = "carer",
        ["description"] = "Slight build, 5ft 2, grey hoodie, white trainers",
        ["photoReference"] = "PH-2026-0042",
        ["riskAssessedLocations"] = new JsonArray("Chesterfield retail park", "Derby bus station"),
        ["associates"] = new JsonArray("older male, blue hatchback"),
        ["phone"] = "07700 900123",
        ["riskLevel"] = "high",
        ["lastSeenAt"] = "Matlock bus station",
    };

    /// <summary>The placing authority's report, through the typed client a case system uses.</summary>
    public static async Task<MissingEpisodeView> Report(HttpClient client, Guid placementId, DateTimeOffset since) =>
        Ok(await RegionalClients.Placements(client).ReportMissing(Placing, placementId, ReportBody(since).Deserialize<ReportMissingRequest>(Json)!), HttpStatusCode.Created);
}
