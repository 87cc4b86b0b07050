using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Messaging;
using Regional.Referral.Data;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>The same concern delivered twice, by the referrer or by the broker, is one referral and one concern.</summary>
public sealed class When_the_same_concern_is_delivered_twice(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task One_referral_is_recorded_and_the_placing_authority_holds_one_concern()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var body = PoliceConcern(child, reference: $"DP-{Guid.NewGuid():N}"[..16]);

        // A case system retries its post: the second answer is the first referral, 200 not 201.
        var first = await RaiseConcern(derbyshire, "derbyshire", body);
        var again = await RaiseConcern(derbyshire, "derbyshire", body, HttpStatusCode.OK);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.CaseId, again.CaseId);
        await TrackedUntil(nottingham, "nottingham-city", first.CaseId!.Value, t => t.Concerns.Count == 1, "the concern at Nottingham City");

        OutboxMessage sent;
        await using (var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            Assert.Equal(1, await db.Referrals.CountAsync(r => r.SourceReference == first.SourceReference));
            Assert.Equal(1, await db.Cases.CountAsync(c => c.Id == first.CaseId));
            sent = await db.Outbox.AsNoTracking().SingleAsync(m => m.MessageType == "urn:regional:referrals:cross-border-concern-raised:v1");
        }

        // The broker delivers the concern again: once as a redelivery, once as a re-send with a new id.
        var type = MessageTypes.Resolve(sent.MessageType);
        var message = System.Text.Json.JsonSerializer.Deserialize(sent.Body, type, Json)!;
        await using var bus = await TestBus.StartAsync(fixture.BrokerUri, "test.duplicate-concerns", (_, _) => { });
        await bus.SendRaw("nottingham-city.referral", type, message, sent.MessageId);
        await bus.SendRaw("nottingham-city.referral", type, message, Guid.NewGuid());
        await Eventually.Until(
            () => fixture.Broker.ListQueuesAsync(fixture.VirtualHost),
            queues => queues.GetValueOrDefault("nottingham-city.referral") == 0, what: "both copies consumed");
        await Task.Delay(500);

        await using (var scope = fixture.Region.ReferralServices("nottingham-city").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            Assert.Equal(1, await db.TrackedCases.CountAsync(c => c.CaseId == first.CaseId));
            Assert.Equal(1, await db.TrackedConcerns.CountAsync(c => c.ReferralId == first.Id));
        }

        Assert.Equal(0, (await fixture.Broker.ListQueuesAsync(fixture.VirtualHost)).GetValueOrDefault("nottingham-city.referral_error"));
        Assert.Single((await Tracked(nottingham, "nottingham-city", first.CaseId!.Value))!.Concerns);
    }
}
