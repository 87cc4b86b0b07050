using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>A Derby City user cannot see Nottingham City's placement nor Derbyshire's register, by any route.</summary>
public sealed class When_another_authority_asks(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    private async Task<Guid> PlacementInDerbyshire()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        await InRegister(derbyshire, "derbyshire", placement.Id);
        return placement.Id;
    }

    [Fact]
    public async Task Derby_City_is_refused_at_the_gateway()
    {
        var id = await PlacementInDerbyshire();
        using var derbyCity = await fixture.SignedInAs("derby-city.practitioner");

        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.GetAsync($"/nottingham-city/placements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.GetAsync("/nottingham-city/placements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.GetAsync($"/derbyshire/register/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.PostAsync($"/derbyshire/register/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await derbyCity.PostAsJsonAsync($"/nottingham-city/placements/{id}/end", new { endDate = "2026-01-01", reason = "other" })).StatusCode);

        // Its own register and placements hold nothing of the child.
        Assert.DoesNotContain(await Register(derbyCity, "derby-city", includeEnded: true), e => e.PlacementId == id);
        Assert.Equal(HttpStatusCode.NotFound, (await derbyCity.GetAsync($"/derby-city/placements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await derbyCity.GetAsync($"/derby-city/register/{id}")).StatusCode);
    }

    [Fact]
    public async Task Derby_City_is_refused_by_the_service_itself_when_it_bypasses_the_gateway()
    {
        var id = await PlacementInDerbyshire();
        using var direct = await fixture.DirectToPlacement("nottingham-city", "derby-city.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await direct.GetAsync($"/placements/{id}")).StatusCode);
        using var directHost = await fixture.DirectToPlacement("derbyshire", "derby-city.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await directHost.GetAsync($"/register/{id}")).StatusCode);
    }

    [Fact]
    public async Task Police_and_the_regional_coordinator_do_not_see_placement_records()
    {
        var id = await PlacementInDerbyshire();
        using var police = await fixture.SignedInAs("derbyshire-police.officer");
        using var coordinator = await fixture.SignedInAs("regional.coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/derbyshire/register/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/nottingham-city/placements/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_valid_token_is_unauthenticated()
    {
        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/nottingham-city/placements")).StatusCode);
        using var forged = RegionFixture.WithToken(fixture.Anonymous(), "eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/nottingham-city/placements")).StatusCode);
    }

    [Fact]
    public async Task A_system_client_of_the_authority_is_allowed_and_carries_a_correlation_id()
    {
        using var anonymous = fixture.Anonymous();
        var token = await anonymous.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "nottingham-city-case-system",
            ["client_secret"] = "dev-secret",
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString()!;
        using var system = RegionFixture.WithToken(fixture.Anonymous(), accessToken);
        system.DefaultRequestHeaders.Add("X-Correlation-Id", "case-system-req-42");
        var response = await system.GetAsync("/nottingham-city/placements");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["case-system-req-42"], response.Headers.GetValues("X-Correlation-Id"));
    }

    [Fact]
    public async Task The_gateway_says_whose_route_it_is_and_whom_the_token_is_for()
    {
        var id = await PlacementInDerbyshire();
        using var derbyCity = await fixture.SignedInAs("derby-city.practitioner");

        var refused = await derbyCity.GetAsync($"/nottingham-city/placements/{id}");
        var missing = await derbyCity.GetAsync($"/nottingham-city/placements/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains("/nottingham-city/", detail);
        Assert.Contains("derby-city", detail);
        // The same answer whether or not the record exists: the refusal tells nothing about it.
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(detail, (await missing.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
