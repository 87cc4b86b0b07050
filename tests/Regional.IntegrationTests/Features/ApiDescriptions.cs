using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Regional.IntegrationTests.Infrastructure;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// A council's integrator finds the API through the gateway alone: each service's OpenAPI
/// description, with the code lists and the fields that must be given, and a reference page.
/// </summary>
public sealed partial class When_an_integrator_reads_the_api(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    private static JsonObject Schema(JsonObject document, string name) =>
        document["components"]!["schemas"]![name]!.AsObject();

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    [Fact]
    public async Task Every_service_describes_itself_through_the_gateway_without_a_token()
    {
        using var anonymous = fixture.Anonymous();
        foreach (var document in new[] { "placement", "referral", "consent", "region", "alerts" })
        {
            var response = await anonymous.GetAsync($"/openapi/{document}.json");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{document}: {(int)response.StatusCode}");
            Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["paths"]);
        }
    }

    [Fact]
    public async Task Request_schemas_carry_their_code_lists_and_say_honestly_what_is_required()
    {
        using var anonymous = fixture.Anonymous();
        var placement = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/placement.json"))!;
        var record = Schema(placement, "RecordPlacementRequest");
        Assert.Contains("C2", Strings(record["properties"]!["legalStatus"]!["enum"]));
        Assert.Contains("childrens-home", Strings(record["properties"]!["placementType"]!["enum"]));
        Assert.Equal(
            ["address", "child", "hostAuthority", "isEmergency", "legalStatus", "placementType", "startDate"],
            Strings(record["required"]).Order());
        // A required field does not also claim to accept null.
        Assert.DoesNotContain("null", record["properties"]!["legalStatus"]!["type"]!.ToJsonString());
        Assert.Contains("line2", Schema(placement, "AddressRequest")["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("line2", Strings(Schema(placement, "AddressRequest")["required"]));

        var referral = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/referral.json"))!;
        Assert.Equal(["initial-strategy", "professionals", "review"], Strings(Schema(referral, "RecordMeetingRequest")["properties"]!["type"]!["enum"]).Order());
        Assert.Contains("risk-reduced", Strings(Schema(referral, "ClosureRequest")["properties"]!["reason"]!["enum"]));
        Assert.Equal(["high", "low", "medium", "none"], Strings(Schema(referral, "IndicatorRequest")["properties"]!["rating"]!["enum"]).Order());

        var consent = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/consent.json"))!;
        var decision = Schema(consent, "RecordDecisionRequest");
        Assert.Equal(["consent", "refusal", "withdrawal"], Strings(decision["properties"]!["decision"]!["enum"]).Order());
        Assert.Equal(["HostAuthority", "PlacingAuthority", "PoliceForce"], Strings(decision["properties"]!["recipientType"]!["enum"]).Order());
        Assert.Equal(["decidedOn", "decision", "givenBy", "purpose", "recipientType"], Strings(decision["required"]).Order());
        Assert.Equal(
            ["approvedBy", "approverRole", "lawfulBasis", "purpose", "reason", "recipientType", "reviewBy"],
            Strings(Schema(consent, "RecordOverrideRequest")["required"]).Order());

        Assert.Equal(["person", "place", "vehicle"], Strings(Schema(referral, "ReportIntelligenceRequest")["properties"]!["subject"]!["enum"]).Order());
        Assert.Equal(["area", "description", "subject"], Strings(Schema(referral, "ReportIntelligenceRequest")["required"]).Order());
        var alerts = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/alerts.json"))!;
        Assert.Equal(["url"], Strings(Schema(alerts, "PushSubscriptionRequest")["required"]));
        Assert.Contains("/{force}/feed", alerts["paths"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task The_reference_page_is_served_from_the_gateway_itself()
    {
        using var anonymous = fixture.Anonymous();
        var response = await anonymous.GetAsync("/reference/placement");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        // No script, style or font from anywhere else: the machines that run this may have no internet.
        Assert.Empty(ExternalReference().Matches(html));
        Assert.Contains("openapi/placement.json", html);
        // Its script comes from the gateway too.
        var script = await anonymous.GetAsync("/reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 10_000);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']https?://""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
