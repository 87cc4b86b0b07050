using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Referral.Data;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>A concern about a child who is not placed here by anyone else is Derbyshire's own business: nobody else is told.</summary>
public sealed class When_a_concern_is_about_a_child_not_in_the_register(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    [Fact]
    public async Task It_is_handled_locally_and_no_other_authority_hears_of_it()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        // A child of Nottingham City is in the register, so there is something that could be wrongly matched.
        var (_, placed) = await PlaceNottinghamChildInDerbyshire(fixture);

        var local = PoliceConcern(placed);
        local["child"]!["givenName"] = "Morgan";
        local["child"]!["familyName"] = "Localchild";
        local["source"] = "school";
        var referral = await RaiseConcern(derbyshire, "derbyshire", local);
        Assert.False(referral.CrossBorder);
        Assert.Null(referral.Match);
        Assert.Null(referral.CaseId);

        // Give any message that might have left time to arrive, and every queue time to drain.
        await Task.Delay(1500);
        await Eventually.Until(
            () => fixture.Broker.ListQueuesAsync(fixture.VirtualHost),
            queues => queues.Where(q => q.Key.EndsWith(".referral", StringComparison.Ordinal) || q.Key.EndsWith(".placement", StringComparison.Ordinal)).All(q => q.Value == 0),
            what: "every service queue drained");

        // Derbyshire sent nothing addressed to anyone about it; only the metadata event was published.
        await using (var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            Assert.Equal(0, await db.Outbox.CountAsync(m => m.Destination != null));
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.Destination == null && m.MessageType == "urn:regional:monitoring:referral-received:v1"));
            Assert.Equal(0, await db.Cases.CountAsync());
            Assert.Single(await db.Referrals.ToListAsync(), r => r.Id == referral.Id && r.PlacingAuthority == null);
        }

        // No other authority's referral database holds anything about it, nor any case at all.
        foreach (var other in new[] { "derby-city", "nottingham-city", "nottinghamshire" })
        {
            await using var scope = fixture.Region.ReferralServices(other).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            Assert.Equal(0, await db.TrackedCases.CountAsync());
            Assert.Equal(0, await db.TrackedConcerns.CountAsync());
            Assert.Equal(0, await db.Referrals.CountAsync());
            Assert.Equal(0, await db.Inbox.CountAsync());
            using var client = await fixture.SignedInAs($"{other}.practitioner");
            Assert.Empty(await TrackingList(client, other, includeClosed: true));
        }

        var queues = await fixture.Broker.ListQueuesAsync(fixture.VirtualHost);
        Assert.All(queues.Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)), q => Assert.Equal(0, q.Value));
    }
}
