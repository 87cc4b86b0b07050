using System.Net;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// The broker goes down while a practitioner records a placement: the placement is accepted
/// and kept; when the broker is back the notification still reaches the host, once.
/// </summary>
public sealed class When_the_broker_is_down_during_a_placement(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    [Fact]
    public async Task Notification_arrives_once_the_broker_is_back()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");

        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Region.PlacementPorts["nottingham-city"]}") };
        await Eventually.Until(() => direct.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, what: "ready before the outage");

        await fixture.Broker.StopBrokerAsync();
        PlacementViewHolder recorded;
        try
        {
            recorded = new(await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12])));
            await Task.Delay(2000);
            var waiting = await GetPlacement(nottingham, "nottingham-city", recorded.Value.Id);
            Assert.Equal("pending", waiting.Notifications[0].Status);

            // The service is alive but not ready: it cannot reach its broker.
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health/live")).StatusCode);
            await Eventually.Until(
                async () =>
                {
                    using var ready = await direct.GetAsync("/health/ready");
                    return (ready.StatusCode, Body: await ready.Content.ReadAsStringAsync());
                },
                ready => ready.StatusCode == HttpStatusCode.ServiceUnavailable, what: "readiness to report the broker down");
        }
        finally
        {
            await fixture.Broker.StartBrokerAsync();
        }

        var entry = await Eventually.Until(
            () => Register(derbyshire, "derbyshire", includeEnded: true), r => r.Any(e => e.PlacementId == recorded.Value.Id),
            TimeSpan.FromSeconds(90), "the notice after the broker came back");
        Assert.Single(entry, e => e.PlacementId == recorded.Value.Id);
        await Eventually.Until(() => direct.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, what: "ready again after the outage");
        await Eventually.Until(() => GetPlacement(nottingham, "nottingham-city", recorded.Value.Id),
            p => p.Notifications[0].Status == "delivered", TimeSpan.FromSeconds(60), "the delivery receipt");
        Assert.Equal(HttpStatusCode.OK, (await derbyshire.PostAsync($"/derbyshire/register/{recorded.Value.Id}/acknowledge", null)).StatusCode);
        await PlacementWithStatus(nottingham, "nottingham-city", recorded.Value.Id, "acknowledged");
    }

    private sealed record PlacementViewHolder(PlacementView Value);
}
