using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Placement.Data;
using Regional.Placement.Features;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>A council joining the broker brings its existing out-of-area placements in batches.</summary>
public sealed class When_a_council_joins_with_existing_placements(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    [Fact]
    public async Task Every_placement_of_a_batch_reaches_its_host_once()
    {
        using var derbyCity = await fixture.SignedInAs("derby-city.practitioner");
        string[] hosts = ["derbyshire", "nottingham-city", "nottinghamshire"];
        var batch = new JsonArray(Enumerable.Range(0, 300).Select(i =>
        {
            var item = SamplePlacement(host: hosts[i % hosts.Length], localId: $"DC-{i:D6}");
            item["startDate"] = DateTime.UtcNow.AddDays(-400 + i).ToString("yyyy-MM-dd");
            return (JsonNode)item;
        }).ToArray());

        var response = await derbyCity.PostAsJsonAsync("/derby-city/placements/batch", batch);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var recorded = (await response.Content.ReadFromJsonAsync<RecordPlacementsResponse>(Json))!;
        Assert.Equal(300, recorded.Recorded);

        foreach (var host in hosts)
        {
            await using var scope = fixture.Region.PlacementServices(host).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            await Eventually.Until(() => db.Register.CountAsync(e => e.PlacingAuthority == "derby-city"), n => n >= 100, what: $"{host}'s register");
            Assert.Equal(100, await db.Register.CountAsync(e => e.PlacingAuthority == "derby-city"));
            Assert.Equal(100, await db.IncomingNotices.CountAsync());
        }

        await Eventually.Until(() => Placements(derbyCity, "derby-city", limit: 1000),
            all => all.Length == 300 && all.All(p => p.Notifications.Single().Status == "delivered"), what: "every receipt back");
    }

    [Fact]
    public async Task A_batch_with_one_bad_placement_is_refused_whole_naming_it()
    {
        using var nottinghamshire = await fixture.SignedInAs("nottinghamshire.practitioner");
        var batch = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)SamplePlacement(localId: $"NS-{i}")).ToArray());
        batch[3]!["child"]!["nhsNumber"] = "9434765918";

        var response = await nottinghamshire.PostAsJsonAsync("/nottinghamshire/placements/batch", batch);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["[3].child.nhsNumber"], errors.Select(e => e.Key));
        Assert.Empty(await Placements(nottinghamshire, "nottinghamshire"));

        var tooMany = new JsonArray(Enumerable.Range(0, RecordPlacementsHandler.MaxBatch + 1).Select(_ => (JsonNode)SamplePlacement()).ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await nottinghamshire.PostAsJsonAsync("/nottinghamshire/placements/batch", tooMany)).StatusCode);
        Assert.Empty(await Placements(nottinghamshire, "nottinghamshire"));
    }
}
