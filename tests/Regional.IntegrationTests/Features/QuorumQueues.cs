using Regional.IntegrationTests.Infrastructure;
using Regional.ServiceDefaults;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>The region with <c>RabbitMq:QueueType=quorum</c>, as production runs it.</summary>
public sealed class QuorumRegion : RegionFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RabbitMq:QueueType", "quorum")];
}

/// <summary>
/// Issue 11: replicated (quorum) queues by configuration. Every service's queue is declared a quorum
/// queue, and a placement notice still crosses and is acknowledged.
/// </summary>
public sealed class When_the_region_runs_on_quorum_queues(QuorumRegion fixture) : IClassFixture<QuorumRegion>
{
    [Fact]
    public async Task Every_service_queue_is_a_quorum_queue_and_a_notice_is_acknowledged_through_them()
    {
        var queues = await fixture.Broker.ListQueueDetailsAsync(fixture.VirtualHost);
        var services = queues.Where(q => !q.Name.Contains('_', StringComparison.Ordinal)).ToList();
        Assert.Contains(services, q => q.Name == "derbyshire.placement");
        Assert.Contains(services, q => q.Name == "derbyshire-police.alerts");
        Assert.All(services, q => Assert.True(q.Type == "quorum", $"{q.Name} is {q.Type}"));

        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        await InRegister(derbyshire, "derbyshire", placement.Id);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await derbyshire.PostAsync($"/derbyshire/register/{placement.Id}/acknowledge", null)).StatusCode);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "acknowledged");
    }

    [Fact]
    public async Task A_notice_for_a_queue_not_yet_declared_is_kept_and_delivered_once_it_is()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");

        // Derbyshire's placement service is down and its queue gone (a new node, an operator's mistake):
        // the exchange is there but nothing is bound to it, so a plain send would be dropped.
        await fixture.Region.StopPlacementAsync("derbyshire");
        await fixture.Broker.DeleteQueueAsync(fixture.VirtualHost, "derbyshire.placement");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("pending", (await GetPlacement(nottingham, "nottingham-city", placement.Id)).Notifications.Single().Status);

        // Back up, it declares its queue; the outbox's retry delivers the notice, once.
        await fixture.Region.RestartPlacementAsync("derbyshire");
        var entry = await InRegister(derbyshire, "derbyshire", placement.Id);
        Assert.Single((await Register(derbyshire, "derbyshire", includeEnded: true)), e => e.PlacementId == placement.Id);
        Assert.Equal("nottingham-city", entry.PlacingAuthority);
    }
}
