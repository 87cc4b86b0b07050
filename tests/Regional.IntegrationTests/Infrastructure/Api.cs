using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refit;
using Regional.Client;

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

    /// <summary>
    /// Records a valid placement through the typed client a case system uses; the JSON sample becomes
    /// the request record first, so only the bad-input tests send hand-made JSON.
    /// </summary>
    public static Task<PlacementView> RecordPlacement(HttpClient client, string authority, JsonObject body) =>
        RecordPlacement(client, authority, body.Deserialize<RecordPlacementRequest>(Json)!);

    public static async Task<PlacementView> RecordPlacement(HttpClient client, string authority, RecordPlacementRequest request) =>
        Ok(await RegionalClients.Placements(client).RecordPlacement(authority, request), HttpStatusCode.Created);

    public static async Task<PlacementView> GetPlacement(HttpClient client, string authority, Guid id) =>
        Ok(await RegionalClients.Placements(client).GetPlacement(authority, id));

    public static async Task<RegisterEntryView[]> Register(
        HttpClient client, string authority, bool? awaitingAcknowledgement = null, bool? includeEnded = null) =>
        Ok(await RegionalClients.Placements(client).ListRegister(authority, awaitingAcknowledgement, includeEnded));

    public static async Task<PlacementView[]> Placements(HttpClient client, string authority, string? status = null, int? limit = null) =>
        Ok(await RegionalClients.Placements(client).ListPlacements(authority, status, limit));

    /// <summary>The content of a response in the expected status, or a failure that shows the problem the service gave.</summary>
    public static T Ok<T>(IApiResponse<T> response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {(response.Error as ApiException)?.Content ?? response.Error?.Message}");
        return response.Content!;
    }

    /// <summary>Waits until the placing authority sees its notification in <paramref name="status"/>.</summary>
    public static Task<PlacementView> PlacementWithStatus(HttpClient client, string authority, Guid id, string status) =>
        Eventually.Until(() => GetPlacement(client, authority, id), p => p.Notifications.All(n => n.Status == status), what: $"notifications {status}");

    /// <summary>Waits until the host's register holds the placement.</summary>
    public static async Task<RegisterEntryView> InRegister(HttpClient client, string host, Guid placementId) =>
        (await Eventually.Until(() => Register(client, host, includeEnded: true), r => r.Any(e => e.PlacementId == placementId), what: "the register entry"))
            .Single(e => e.PlacementId == placementId);

    /// <summary>A refusal as every write gives it: the status, problem+json, and the field it names.</summary>
    public static async Task AssertRefused(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {errors.ToJsonString()}");
    }
}
