using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regional.Benchmarks;

/// <summary>Realistic placement bodies (about 500 bytes of JSON), each with its own local id.</summary>
public static class Bodies
{
    public static JsonObject Placement(string host, int n, string prefix = "BENCH") => new()
    {
        ["child"] = new JsonObject
        {
            ["localId"] = $"{prefix}-{n:D7}",
            ["givenName"] = "Alex",
            ["familyName"] = "Benchmark-Example",
            ["dateOfBirth"] = "2011-06-01",
            ["nhsNumber"] = "9434765919",
            ["gender"] = "not-known",
            ["ethnicity"] = "Not stated",
        },
        ["legalStatus"] = "C2",
        ["placementType"] = "foster-care",
        ["startDate"] = DateTime.UtcNow.AddDays(-(n % 1500)).ToString("yyyy-MM-dd"),
        ["address"] = new JsonObject { ["line1"] = "10 Example Street", ["town"] = "Chesterfield", ["postcode"] = "S40 1AA" },
        ["hostAuthority"] = host,
        ["isEmergency"] = false,
    };

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static Guid NotificationIdOf(string createdPlacementJson)
    {
        using var document = JsonDocument.Parse(createdPlacementJson);
        return document.RootElement.GetProperty("notifications")[0].GetProperty("id").GetGuid();
    }
}
