using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Placement.Data;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// Bad input is refused with a problem+json that names the field (400 when the body cannot be
/// read as the right JSON, 422 when it can but is not acceptable, 413 when it is too big), and
/// nothing is stored or sent.
/// </summary>
public sealed class When_a_placement_is_recorded_with_bad_input(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    public static TheoryData<string, string, int> Cases => new()
    {
        // mutation, field named, status
        { "remove:child.givenName", "child.givenName", 422 },
        { "remove:child", "child", 422 },
        { "remove:startDate", "startDate", 422 },
        { "remove:hostAuthority", "hostAuthority", 422 },
        { "remove:isEmergency", "isEmergency", 422 },
        { "set:hostAuthority=leicester", "hostAuthority", 422 },
        { "set:hostAuthority=nottingham-city", "hostAuthority", 422 },
        { "set:child.nhsNumber=9434765918", "child.nhsNumber", 422 },
        { "set:child.nhsNumber=12345", "child.nhsNumber", 422 },
        { "set:child.dateOfBirth=2099-01-01", "child.dateOfBirth", 422 },
        { "set:child.dateOfBirth=2001-01-01", "child.dateOfBirth", 422 },
        { "set:child.gender=robot", "child.gender", 422 },
        { "set:legalStatus=Z9", "legalStatus", 422 },
        { "set:address.postcode=NOT A POSTCODE", "address.postcode", 422 },
        { "set:startDate=1999-01-01", "startDate", 422 },
        { "long:child.familyName", "child.familyName", 422 },
        { "raw:startDate=2026-02-30", "$.startDate", 400 },
        { "raw:child.dateOfBirth=yesterday", "$.child.dateOfBirth", 400 },
        { "raw:isEmergency=maybe", "$.isEmergency", 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task It_is_refused_naming_the_field_and_nothing_is_stored(string mutation, string field, int status)
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var response = await nottingham.PostAsync("/nottingham-city/placements", Body(mutation));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {errors.ToJsonString()}");
        await AssertNothingStored();
    }

    [Fact]
    public async Task An_oversized_body_is_refused_and_nothing_is_stored()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var body = SamplePlacement();
        body["child"]!["ethnicity"] = new string('x', 200_000);
        var response = await nottingham.PostAsync("/nottingham-city/placements", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStored();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var response = await nottingham.PostAsync("/nottingham-city/placements", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStored();
    }

    [Fact]
    public async Task An_impossible_end_date_is_refused_and_the_placement_stays_open()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement());
        var response = await nottingham.PostAsJsonAsync($"/nottingham-city/placements/{placement.Id}/end",
            new { endDate = placement.StartDate.AddDays(-1).ToString("yyyy-MM-dd"), reason = "returned-home" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("endDate"));
        var unchanged = await GetPlacement(nottingham, "nottingham-city", placement.Id);
        Assert.Null(unchanged.EndDate);
        Assert.Single(unchanged.Notifications);

        // Tidy up: this class asserts emptiness elsewhere.
        await using var scope = fixture.Region.PlacementServices("nottingham-city").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        await db.Notifications.Where(n => n.PlacementId == placement.Id).ExecuteDeleteAsync();
        await db.Placements.Where(p => p.Id == placement.Id).ExecuteDeleteAsync();
        await db.Outbox.ExecuteDeleteAsync();
    }

    private async Task AssertNothingStored()
    {
        await using var scope = fixture.Region.PlacementServices("nottingham-city").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        Assert.Equal(0, await db.Placements.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    private static StringContent Body(string mutation)
    {
        var body = SamplePlacement();
        var (verb, rest) = (mutation[..mutation.IndexOf(':')], mutation[(mutation.IndexOf(':') + 1)..]);
        var path = rest.Split('=')[0].Split('.');
        var value = rest.Contains('=') ? rest[(rest.IndexOf('=') + 1)..] : null;
        var parent = path[..^1].Aggregate((JsonNode)body, (node, key) => node[key]!).AsObject();
        var leaf = path[^1];
        var json = verb switch
        {
            "remove" => Remove(body, parent, leaf),
            "set" => Set(body, parent, leaf, JsonValue.Create(value)),
            "long" => Set(body, parent, leaf, JsonValue.Create(new string('x', 500))),
            // Replace the value with an unquoted or impossible token the JSON reader must reject.
            "raw" => Raw(body, parent, leaf, value!),
            _ => throw new ArgumentException(mutation),
        };
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static string Remove(JsonObject body, JsonObject parent, string leaf)
    {
        parent.Remove(leaf);
        return body.ToJsonString();
    }

    private static string Set(JsonObject body, JsonObject parent, string leaf, JsonNode? value)
    {
        parent[leaf] = value;
        return body.ToJsonString();
    }

    private static string Raw(JsonObject body, JsonObject parent, string leaf, string value)
    {
        const string marker = "__RAW__";
        parent[leaf] = marker;
        return body.ToJsonString().Replace($"\"{marker}\"", JsonSerializer.Serialize(value) is var quoted && value is "maybe" ? value : quoted, StringComparison.Ordinal);
    }
}
