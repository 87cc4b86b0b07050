using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// The host's placement service is down (a deployment, a crash) when a notice is sent: the notice
/// waits in the host's durable queue and is registered once the service is back.
/// </summary>
public sealed class When_the_host_service_restarts_mid_flow(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    [Fact]
    public async Task Notice_sent_while_it_was_down_is_registered_after_it_returns()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");

        await fixture.Region.StopPlacementAsync("derbyshire");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        var sent = await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "sent");
        Assert.Null(sent.Notifications[0].DeliveredAt);
        var queued = await fixture.Broker.ListQueuesAsync(fixture.VirtualHost);
        Assert.Equal(1, queued.GetValueOrDefault("derbyshire.placement"));

        await fixture.Region.RestartPlacementAsync("derbyshire");

        var entry = await InRegister(derbyshire, "derbyshire", placement.Id);
        Assert.Equal("nottingham-city", entry.PlacingAuthority);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "delivered");
    }
}
