using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Regional.Placement.Features;

namespace Regional.IntegrationTests.Infrastructure;

/// <summary>The placement API as the tests call it through the gateway.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A valid placement of a Nottingham City child in Derbyshire, as JSON that a test may break.</summary>
    public static JsonObject SamplePlacement(string host = "derbyshire", string localId = "NC-000123", bool emergency = false) => new()
    {
        ["child"] = new JsonObject
        {
            ["localId"] = localId,
            ["givenName"] = "Jordan",
            ["familyName"] = "Ashworth-Example",
            ["dateOfBirth"] = "2013-04-17",
            ["nhsNumber"] = "943 476 5919",
            ["gender"] = "male",
            ["ethnicity"] = "White British",
        },
        ["legalStatus"] = "C2",
        ["placementType"] = "childrens-home",
        ["startDate"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
        ["address"] = new JsonObject
        {
            ["line1"] = "Example House, 1 Station Road",
            ["town"] = "Matlock",
            ["postcode"] = "DE4 3AG",
        },
        ["hostAuthority"] = host,
        ["isEmergency"] = emergency,
    };

    public static async Task<PlacementView> RecordPlacement(HttpClient client, string authority, JsonObject body)
    {
        var response = await client.PostAsJsonAsync($"/{authority}/placements", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlacementView>(Json))!;
    }

    public static async Task<PlacementView> GetPlacement(HttpClient client, string authority, Guid id)
    {
        var response = await client.GetAsync($"/{authority}/placements/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlacementView>(Json))!;
    }

    public static async Task<RegisterEntryView[]> Register(HttpClient client, string authority, string query = "")
    {
        var response = await client.GetAsync($"/{authority}/register{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RegisterEntryView[]>(Json))!;
    }

    public static async Task<PlacementView[]> Placements(HttpClient client, string authority, string query = "")
    {
        var response = await client.GetAsync($"/{authority}/placements{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlacementView[]>(Json))!;
    }

    /// <summary>Waits until the placing authority sees its notification in <paramref name="status"/>.</summary>
    public static Task<PlacementView> PlacementWithStatus(HttpClient client, string authority, Guid id, string status) =>
        Eventually.Until(() => GetPlacement(client, authority, id), p => p.Notifications.All(n => n.Status == status), what: $"notifications {status}");

    /// <summary>Waits until the host's register holds the placement.</summary>
    public static async Task<RegisterEntryView> InRegister(HttpClient client, string host, Guid placementId) =>
        (await Eventually.Until(() => Register(client, host, "?includeEnded=true"), r => r.Any(e => e.PlacementId == placementId), what: "the register entry"))
            .Single(e => e.PlacementId == placementId);
}
