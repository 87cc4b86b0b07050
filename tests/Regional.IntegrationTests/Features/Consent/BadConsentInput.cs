using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Regional.IntegrationTests.Features.Consent.ConsentApi;

namespace Regional.IntegrationTests.Features.Consent;

/// <summary>Bad input is refused with a problem+json naming the field, and nothing is stored or sent.</summary>
[Collection(nameof(ConsentCollection))]
public sealed class When_a_consent_decision_or_override_has_bad_input(ConsentRegion fixture)
{
    /// <summary>Each case breaks one valid body in one way (relative to the region's today, where a date matters).</summary>
    private static readonly Dictionary<string, Action<JsonObject, DateOnly>> Breaks = new()
    {
        ["unknown purpose"] = (b, _) => b["purpose"] = "housing",
        ["no purpose"] = (b, _) => b.Remove("purpose"),
        ["unknown recipient type"] = (b, _) => b["recipientType"] = "Neighbour",
        ["own authority as recipient"] = (b, _) => b["recipientType"] = "OwnAuthority",
        ["monitor as recipient"] = (b, _) => b["recipientType"] = "RegionalMonitor",
        ["unknown decision"] = (b, _) => b["decision"] = "maybe",
        ["unknown giver"] = (b, _) => b["givenBy"] = "neighbour",
        ["future decidedOn"] = (b, today) => b["decidedOn"] = today.AddDays(1).ToString("yyyy-MM-dd"),
        ["no decidedOn"] = (b, _) => b.Remove("decidedOn"),
        ["child consent without competence"] = (b, _) => b.Remove("competent"),
        ["child consent judged not competent"] = (b, _) => b["competent"] = false,
        ["child consent without age"] = (b, _) => b.Remove("childAge"),
        ["override without reason"] = (b, _) => b.Remove("reason"),
        ["override with a blank reason"] = (b, _) => b["reason"] = "   ",
        ["override without approvedBy"] = (b, _) => b.Remove("approvedBy"),
        ["override with an unknown approver role"] = (b, _) => b["approverRole"] = "practitioner",
        ["override with an unknown law"] = (b, _) => b["lawfulBasis"] = "gdpr-art-6-1-a",
        ["override reviewed after 92 days"] = (b, today) => b["reviewBy"] = today.AddDays(93).ToString("yyyy-MM-dd"),
        ["override reviewed today"] = (b, today) => b["reviewBy"] = today.ToString("yyyy-MM-dd"),
        ["override without reviewBy"] = (b, _) => b.Remove("reviewBy"),
    };

    public static TheoryData<string, string, string> DecisionCases => new()
    {
        { "decisions", "unknown purpose", "purpose" },
        { "decisions", "no purpose", "purpose" },
        { "decisions", "unknown recipient type", "recipientType" },
        { "decisions", "own authority as recipient", "recipientType" },
        { "decisions", "monitor as recipient", "recipientType" },
        { "decisions", "unknown decision", "decision" },
        { "decisions", "unknown giver", "givenBy" },
        { "decisions", "future decidedOn", "decidedOn" },
        { "decisions", "no decidedOn", "decidedOn" },
        { "decisions", "child consent without competence", "competent" },
        { "decisions", "child consent judged not competent", "competent" },
        { "decisions", "child consent without age", "childAge" },
        { "overrides", "unknown purpose", "purpose" },
        { "overrides", "unknown recipient type", "recipientType" },
        { "overrides", "override without reason", "reason" },
        { "overrides", "override with a blank reason", "reason" },
        { "overrides", "override without approvedBy", "approvedBy" },
        { "overrides", "override with an unknown approver role", "approverRole" },
        { "overrides", "override with an unknown law", "lawfulBasis" },
        { "overrides", "override reviewed after 92 days", "reviewBy" },
        { "overrides", "override reviewed today", "reviewBy" },
        { "overrides", "override without reviewBy", "reviewBy" },
    };

    [Theory]
    [MemberData(nameof(DecisionCases))]
    public async Task It_is_refused_naming_the_field_and_nothing_is_stored(string resource, string breaking, string field)
    {
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var child = NewChildId();
        var today = Today(fixture);
        var body = resource == "decisions" ? ChildDecision("consent", "exploitation", today) : Override("health", today.AddDays(30));
        Breaks[breaking](body, today);
        var before = await Stored(fixture, child);

        var response = await coordinator.PostAsJsonAsync($"/nottingham-city/consent/children/{child}/{resource}", body);

        await AssertRefused(response, field, 422);
        Assert.Equal(before, await Stored(fixture, child));
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_a_bad_request_naming_it()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        var child = NewChildId();
        var json = ChildDecision("consent", "exploitation", Today(fixture)).ToJsonString();
        json = json.Replace($"\"decidedOn\":\"{Today(fixture):yyyy-MM-dd}\"", "\"decidedOn\":\"2026-02-30\"", StringComparison.Ordinal);

        var response = await practitioner.PostAsync($"/nottingham-city/consent/children/{child}/decisions", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertRefused(response, "$.decidedOn", 400);
        Assert.Equal((0, 0, 0), ((await Stored(fixture, child)).Decisions, (await Stored(fixture, child)).Overrides, (await Stored(fixture, child)).Records));
    }

    [Fact]
    public async Task A_valid_body_is_accepted_so_the_cases_above_fail_for_their_own_reason()
    {
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var child = NewChildId();
        var today = Today(fixture);

        Assert.Equal(System.Net.HttpStatusCode.Created, (await PostDecision(coordinator, child, ChildDecision("consent", "exploitation", today))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await PostOverride(coordinator, child, Override("health", today.AddDays(92)))).StatusCode);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string field, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {errors.ToJsonString()}");
    }
}
