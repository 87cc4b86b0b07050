using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>Only versions the region has aligned are accepted across borders.</summary>
public sealed class When_an_assessment_uses_a_tool_version_that_is_not_aligned(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task It_is_refused_naming_the_field_and_the_aligned_versions_and_nothing_is_stored()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        await AlignmentKnown(derbyshire, "derbyshire");
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child))).CaseId!.Value;
        await TrackedUntil(nottingham, "nottingham-city", caseId, _ => true, "the concern at Nottingham City");

        var today = Today(fixture);
        var response = await derbyshire.PostAsJsonAsync(
            $"/derbyshire/cases/{caseId}/meetings", Meeting("initial-strategy", today, Assessment("high", OlderVersion), Plan(1, today)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var message = Assert.Single(problem["errors"]!["assessment.toolVersion"]!.AsArray())!.GetValue<string>();
        Assert.Contains(OlderVersion, message);
        Assert.Contains(AlignedVersion, message);
        Assert.Equal([AlignedVersion], problem["alignedVersions"]!.AsArray().Select(v => v!.GetValue<string>()));

        Assert.Empty((await GetCase(derbyshire, "derbyshire", caseId)).Meetings);
        await Task.Delay(1000);
        Assert.Empty((await Tracked(nottingham, "nottingham-city", caseId))!.Meetings);
    }
}

/// <summary>The coordinator retires a version: every authority hears of it, and open reviews assessed with it are flagged.</summary>
public sealed class When_the_region_retires_a_tool_version(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task Open_reviews_assessed_with_it_need_reassessment_at_host_and_placing_authority()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var coordinator = await fixture.SignedInAs("regional.coordinator");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var before = await AlignmentKnown(derbyshire, "derbyshire");
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child))).CaseId!.Value;
        var today = Today(fixture);
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("initial-strategy", today, Assessment("high"), Plan(2, today)));
        await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.CurrentToolVersion == AlignedVersion, "the assessment at Nottingham City");

        // A practitioner cannot change the alignment; the coordinator can, through the gateway.
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyshire.PutAsJsonAsync("/region/risk-tool/alignment", new { aligned = new[] { OlderVersion } })).StatusCode);
        var unknown = await coordinator.PutAsJsonAsync("/region/risk-tool/alignment", new { aligned = new[] { "em-cre-2099.9" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("aligned[0]", await unknown.Content.ReadAsStringAsync());

        var changed = await coordinator.PutAsJsonAsync("/region/risk-tool/alignment", new { aligned = new[] { OlderVersion }, retired = new[] { AlignedVersion } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // Every authority hears of it over the broker.
        foreach (var authority in new[] { "derby-city", "derbyshire", "nottingham-city", "nottinghamshire" })
        {
            using var client = await fixture.SignedInAs($"{authority}.practitioner");
            var heard = await AlignmentKnown(client, authority, before.Revision + 1);
            Assert.Equal([OlderVersion], heard.Aligned);
            Assert.Equal([AlignedVersion], heard.Retired);
        }

        var flagged = await Eventually.Until(() => GetCase(derbyshire, "derbyshire", caseId), c => c.NeedsReassessment, what: "the host's case flagged");
        Assert.Equal(AlignedVersion, flagged.CurrentToolVersion);
        await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.NeedsReassessment, "Nottingham City's tracking flagged");

        // The retired version is now refused; a reassessment with the aligned one lifts the flag.
        var refused = await derbyshire.PostAsJsonAsync($"/derbyshire/cases/{caseId}/meetings", Meeting("review", Today(fixture), Assessment("medium"), Plan(1, today)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("retired", await refused.Content.ReadAsStringAsync());
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", Today(fixture), Assessment("medium", OlderVersion), Plan(1, today)));
        Assert.False((await GetCase(derbyshire, "derbyshire", caseId)).NeedsReassessment);
        await TrackedUntil(nottingham, "nottingham-city", caseId, t => !t.NeedsReassessment && t.CurrentToolVersion == OlderVersion, "the reassessment at Nottingham City");
    }
}

/// <summary>A case system reads the tool's codes through the API instead of a PDF.</summary>
public sealed class When_a_case_system_reads_the_risk_tool(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task Every_code_an_assessment_uses_is_listed_with_its_meaning_and_alignment()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        await AlignmentKnown(derbyshire, "derbyshire");

        var tool = (await derbyshire.GetFromJsonAsync<JsonObject>($"/derbyshire/cases/risk-tool/{AlignedVersion}"))!;

        Assert.Equal((AlignedVersion, true), (tool["version"]!.GetValue<string>(), tool["aligned"]!.GetValue<bool>()));
        var missing = tool["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "going-missing")!;
        Assert.False(string.IsNullOrWhiteSpace(missing["high"]!.GetValue<string>()));
        Assert.Contains(tool["vulnerabilityFactors"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "looked-after");
        Assert.Contains(tool["models"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "gangs-county-lines");
        Assert.Contains(tool["exploitationTypes"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "criminal");
        Assert.Equal(["none", "low", "medium", "high"], tool["ratings"]!.AsArray().Select(r => r!.GetValue<string>()));

        var unknown = await derbyshire.GetAsync("/derbyshire/cases/risk-tool/em-cre-1999.9");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(AlignedVersion, (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
