using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Alerts.PoliceApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Alerts;

/// <summary>
/// A force's inbox is that force's alone: another force's token is refused on it, at the gateway and
/// again at the alerts service; a police token is refused on every council route; no council role,
/// and not the regional coordinator, reads a force's inbox, feed or push set-up.
/// </summary>
public sealed class When_someone_other_than_the_force_asks_for_its_inbox(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    private static readonly string[] ForcePaths = ["alerts", "feed", "push", "push/deliveries"];

    [Fact]
    public async Task Another_forces_token_is_refused_at_the_gateway_and_at_the_service()
    {
        using var derbyshirePolice = await Officer(fixture, Derbyshire);
        foreach (var path in ForcePaths)
        {
            var refused = await derbyshirePolice.GetAsync($"/police/{Nottinghamshire}/{path}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains($"/police/{Nottinghamshire}/", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

            // Its own force's path is let through (no push set up yet is a 404 from the service, not a refusal).
            Assert.Contains((await derbyshirePolice.GetAsync($"/police/{Derbyshire}/{path}")).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
        }

        // Past the gateway, the service holds the force to its own inbox again.
        using var direct = new HttpClient { BaseAddress = fixture.Region.AlertsServiceUrl };
        direct.DefaultRequestHeaders.Authorization = derbyshirePolice.DefaultRequestHeaders.Authorization;
        foreach (var path in ForcePaths)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await direct.GetAsync($"/{Nottinghamshire}/{path}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync($"/{Derbyshire}/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_police_token_is_refused_on_every_council_route()
    {
        using var police = await Officer(fixture, Derbyshire);
        foreach (var authority in fixture.Region.Region.Authorities.Select(a => a.Id))
        {
            foreach (var resource in fixture.Region.Region.Services.SelectMany(s => s.Resources))
            {
                var response = await police.GetAsync($"/{authority}/{resource}");
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"/{authority}/{resource} answered {(int)response.StatusCode} to a police token");
            }
        }

        // And at a council's service directly, past the gateway.
        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Region.PlacementPorts["derbyshire"]}") };
        direct.DefaultRequestHeaders.Authorization = police.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Forbidden, (await direct.GetAsync("/register")).StatusCode);
    }

    [Theory]
    [InlineData("derbyshire.practitioner")]
    [InlineData("derbyshire.cre-coordinator")]
    [InlineData("derbyshire.manager")]
    [InlineData("nottingham-city.practitioner")]
    [InlineData("regional.coordinator")]
    public async Task No_council_role_or_the_coordinator_reads_a_forces_inbox(string user)
    {
        using var client = await fixture.SignedInAs(user);
        using var direct = new HttpClient { BaseAddress = fixture.Region.AlertsServiceUrl };
        direct.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        foreach (var path in ForcePaths)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/police/{Derbyshire}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await direct.GetAsync($"/{Derbyshire}/{path}")).StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_token_nothing_is_read_and_an_unknown_force_has_no_inbox()
    {
        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/police/{Derbyshire}/alerts")).StatusCode);
        using var police = await Officer(fixture, Derbyshire);
        var unknown = await police.GetAsync("/police/leicestershire-police/alerts");
        await AssertRefused(unknown, "force", HttpStatusCode.NotFound);
        Assert.Contains("derbyshire-police, nottinghamshire-police", (await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
