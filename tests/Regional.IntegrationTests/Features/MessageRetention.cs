using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.ServiceKit;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// Sent outbox messages and inbox receipts are deleted once past their retention (7 and 30 days
/// by default); a message not yet sent is kept however old, and recent ones stay.
/// </summary>
public abstract class When_messages_are_past_their_retention<TRegion>(TRegion fixture)
    where TRegion : RegionFixture
{
    [Fact]
    public async Task Only_sent_messages_and_receipts_older_than_the_retention_are_deleted()
    {
        var services = fixture.Region.PlacementServices("derby-city");
        var now = fixture.Clock.GetUtcNow();
        OutboxMessage Outbox(TimeSpan age, bool sent) => new()
        {
            MessageId = Guid.NewGuid(),
            // No contract has this name: the dispatcher can never send it, so an unsent row stays unsent.
            MessageType = sent ? "urn:test:retention" : "urn:test:never-sendable",
            Destination = "queue:nowhere",
            Body = "{}",
            CreatedAt = now - age,
            DispatchedAt = sent ? now - age : null,
        };

        var oldSent = Outbox(TimeSpan.FromDays(8), sent: true);
        var recentSent = Outbox(TimeSpan.FromDays(1), sent: true);
        var oldUnsent = Outbox(TimeSpan.FromDays(365), sent: false);
        var oldReceipt = new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "RetentionTest", ConsumedAt = now - TimeSpan.FromDays(31) };
        var recentReceipt = new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "RetentionTest", ConsumedAt = now - TimeSpan.FromDays(29) };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            db.Outbox.AddRange(oldSent, recentSent, oldUnsent);
            db.Inbox.AddRange(oldReceipt, recentReceipt);
            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<MessageRetentionSweep<PlacementDbContext>>().SweepAsync(CancellationToken.None);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            var ids = new[] { oldSent.MessageId, recentSent.MessageId, oldUnsent.MessageId };
            var kept = await db.Outbox.Where(m => ids.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync();
            Assert.Equal(new[] { recentSent.MessageId, oldUnsent.MessageId }.Order(), kept.Order());
            var receipts = new[] { oldReceipt.MessageId, recentReceipt.MessageId };
            Assert.Equal([recentReceipt.MessageId], await db.Inbox.Where(m => receipts.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync());
        }
    }
}

public sealed class When_messages_are_past_their_retention_on_postgres(PostgresRegion fixture)
    : When_messages_are_past_their_retention<PostgresRegion>(fixture), IClassFixture<PostgresRegion>;

public sealed class When_messages_are_past_their_retention_on_sqlite(SqliteRegion fixture)
    : When_messages_are_past_their_retention<SqliteRegion>(fixture), IClassFixture<SqliteRegion>;
