using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>Responsibility stays with the placing authority: the host holds reviews and may propose closure, never close.</summary>
public sealed class When_the_host_tries_to_close_the_placing_authoritys_case(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task It_is_refused_and_only_the_placing_authority_can_close_it()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyCity = await fixture.SignedInAs("derby-city.practitioner");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child))).CaseId!.Value;
        await TrackedUntil(nottingham, "nottingham-city", caseId, _ => true, "the concern at Nottingham City");

        var close = await derbyshire.PostAsJsonAsync($"/derbyshire/cases/{caseId}/close", new { reason = "risk-reduced" });
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal("application/problem+json", close.Content.Headers.ContentType?.MediaType);
        var problem = (await close.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("nottingham-city", problem["detail"]!.GetValue<string>());
        Assert.Contains("propose-closure", problem["detail"]!.GetValue<string>());
        Assert.Equal("open", (await GetCase(derbyshire, "derbyshire", caseId)).Status);

        // The host has no tracking record of another authority's child to close, and other councils cannot reach either.
        Assert.Equal(HttpStatusCode.NotFound, (await derbyshire.PostAsJsonAsync($"/derbyshire/tracking/{caseId}/close", new { reason = "risk-reduced" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyshire.PostAsJsonAsync($"/nottingham-city/tracking/{caseId}/close", new { reason = "risk-reduced" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.GetAsync($"/nottingham-city/tracking/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.GetAsync($"/derbyshire/cases/{caseId}")).StatusCode);

        // The host proposes; the placing authority sees the proposal and decides.
        var proposed = await derbyshire.PostAsJsonAsync($"/derbyshire/cases/{caseId}/propose-closure", new { reason = "threshold-not-met", note = "Concern not substantiated." });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var tracked = await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.ClosureProposed is not null, "the proposal at Nottingham City");
        Assert.Equal(("threshold-not-met", "open"), (tracked.ClosureProposed!.Reason, tracked.Status));

        var bad = await nottingham.PostAsJsonAsync($"/nottingham-city/tracking/{caseId}/close", new { reason = "bored" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"reason\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await nottingham.PostAsJsonAsync($"/nottingham-city/tracking/{caseId}/close", new { reason = "threshold-not-met" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await nottingham.PostAsJsonAsync($"/nottingham-city/tracking/{caseId}/close", new { reason = "other" })).StatusCode);

        // Once closed, the host holds no more meetings under it.
        await Eventually.Until(() => GetCase(derbyshire, "derbyshire", caseId), c => c.Status == "closed", what: "the closure at Derbyshire");
        var today = Today(fixture);
        var meeting = await derbyshire.PostAsJsonAsync($"/derbyshire/cases/{caseId}/meetings", Meeting("professionals", today));
        Assert.Equal(HttpStatusCode.Conflict, meeting.StatusCode);
        Assert.Equal("application/problem+json", meeting.Content.Headers.ContentType?.MediaType);
    }
}
