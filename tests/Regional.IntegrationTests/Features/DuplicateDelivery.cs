using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Messaging;
using Regional.Placement.Data;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>The broker may deliver a message more than once; the register must not grow twice.</summary>
public sealed class When_the_same_notice_is_delivered_twice(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    [Fact]
    public async Task Host_register_holds_one_entry_and_one_notice()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        await InRegister(derbyshire, "derbyshire", placement.Id);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "delivered");

        // Take the very message the outbox sent and deliver it again: once with the same
        // message id (a broker redelivery), once with a new one (a re-send after a crash).
        OutboxMessage sent;
        await using (var scope = fixture.Region.PlacementServices("nottingham-city").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            var outboxMessageId = (await db.Notifications.SingleAsync(n => n.PlacementId == placement.Id)).OutboxMessageId;
            sent = await db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == outboxMessageId);
        }

        var type = MessageTypes.Resolve(sent.MessageType);
        var message = System.Text.Json.JsonSerializer.Deserialize(sent.Body, type, Json)!;
        await using var bus = await TestBus.StartAsync(fixture.BrokerUri, "test.duplicates", (_, _) => { });
        await bus.SendRaw("derbyshire.placement", type, message, sent.MessageId);
        await bus.SendRaw("derbyshire.placement", type, message, Guid.NewGuid());

        await Eventually.Until(
            () => fixture.Broker.ListQueuesAsync(fixture.VirtualHost),
            queues => queues.GetValueOrDefault("derbyshire.placement") == 0 && queues.GetValueOrDefault("nottingham-city.placement") == 0,
            what: "both copies consumed");
        await Task.Delay(500);

        await using (var scope = fixture.Region.PlacementServices("derbyshire").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            Assert.Equal(1, await db.Register.CountAsync(e => e.PlacementId == placement.Id));
            Assert.Equal(1, await db.IncomingNotices.CountAsync(n => n.PlacementId == placement.Id));
            // One receipt went back, for the first delivery only.
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.MessageType == "urn:regional:placements:notice-received:v1" && m.Body.Contains(placement.Id.ToString())));
        }

        var queues = await fixture.Broker.ListQueuesAsync(fixture.VirtualHost);
        Assert.Equal(0, queues.GetValueOrDefault("derbyshire.placement_error"));
        Assert.Single(await Register(derbyshire, "derbyshire", includeEnded: true), e => e.PlacementId == placement.Id);
    }
}
