using System.Net;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;

namespace Regional.IntegrationTests.Features;

/// <summary>A region whose gateway allows each client a burst of 5 requests, refilled at 1 a second.</summary>
public sealed class RateLimitedRegion : RegionFixture
{
    protected override Regional.ServiceDefaults.DatabaseProvider Provider => Regional.ServiceDefaults.DatabaseProvider.Sqlite;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Gateway:RateLimit:TokensPerSecond", "1"), new("Gateway:RateLimit:Burst", "5")];
}

/// <summary>One busy client cannot starve the region: the gateway limits each client on its own.</summary>
public sealed class When_a_client_exceeds_its_rate_limit(RateLimitedRegion fixture) : IClassFixture<RateLimitedRegion>
{
    [Fact]
    public async Task It_gets_429_with_retry_after_and_other_clients_are_unaffected()
    {
        using var busy = await fixture.SignedInAs("nottingham-city.practitioner");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await busy.GetAsync("/nottingham-city/placements")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var refused = await busy.GetAsync("/nottingham-city/placements");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter is not null);

        // Another client of another authority still gets through.
        using var other = await fixture.SignedInAs("derbyshire.practitioner");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/derbyshire/register")).StatusCode);
    }
}
