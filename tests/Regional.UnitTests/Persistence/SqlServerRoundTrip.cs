using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Referral.Data;
using Regional.RegionService.Data;
using Regional.ServiceDefaults;

namespace Regional.UnitTests.Persistence;

/// <summary>
/// Against a real SQL Server, when <see cref="EnvironmentVariable"/> names one: each service's
/// migrations are applied to a fresh database, rows are written and read back, and the database
/// is dropped. Without it the tests are reported as skipped: this machine has no SQL Server, and
/// the model and migration checks are all that run here.
/// </summary>
public sealed class When_a_service_database_is_on_sql_server
{
    /// <summary>A connection string whose login may create and drop databases, e.g.
    /// <c>Server=127.0.0.1,1433;User ID=sa;Password=...;TrustServerCertificate=true</c>.</summary>
    public const string EnvironmentVariable = "REGIONAL_TEST_SQLSERVER";

    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [MemberData(nameof(ServiceDatabase.EveryService), MemberType = typeof(ServiceDatabase))]
    public async Task Its_migrations_apply_and_its_outbox_and_inbox_work(string service)
    {
        await WithFreshDatabase(service, async (db, _) =>
        {
            var messaging = (IMessagingDbContext)db;
            var ct = TestContext.Current.CancellationToken;
            var first = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "urn:test:first", Body = "{}", CreatedAt = Noon };
            var second = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "urn:test:second", Body = "{}", CreatedAt = Noon.AddSeconds(1), Destination = "queue:x.y" };
            messaging.Outbox.AddRange(first, second);
            await messaging.SaveChangesAsync(ct);

            // The dispatcher's query and its one-statement update.
            var pending = await messaging.Outbox.AsNoTracking().Where(m => m.DispatchedAt == null).OrderBy(m => m.Sequence).Take(10).ToListAsync(ct);
            Assert.Equal([first.MessageId, second.MessageId], pending.Select(m => m.MessageId));
            Assert.Equal(Noon, pending[0].CreatedAt);
            var ids = pending.Select(m => m.MessageId).ToList();
            Assert.Equal(2, await messaging.Outbox.Where(m => ids.Contains(m.MessageId)).ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, Noon), ct));
            Assert.False(await messaging.Outbox.AnyAsync(m => m.DispatchedAt == null, ct));

            // Consumer names differing only in case are different receipts, as on the other providers.
            var messageId = Guid.NewGuid();
            messaging.Inbox.AddRange(
                new InboxMessage { MessageId = messageId, Consumer = "Consumer", ConsumedAt = Noon },
                new InboxMessage { MessageId = messageId, Consumer = "consumer", ConsumedAt = Noon });
            await messaging.SaveChangesAsync(ct);
            Assert.True(await messaging.Inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == "Consumer", ct));
            Assert.Equal(1, await messaging.Inbox.CountAsync(m => m.MessageId == messageId && m.Consumer == "consumer", ct));
        });
    }

    [Fact]
    public async Task A_placement_and_its_notification_round_trip_with_the_concurrency_token()
    {
        await WithFreshDatabase("Placement", async (context, connectionString) =>
        {
            var db = (PlacementDbContext)context;
            var ct = TestContext.Current.CancellationToken;
            var placement = new Regional.Placement.Domain.Placement
            {
                Id = Guid.NewGuid(),
                HostAuthority = "derbyshire",
                LegalStatus = "C2",
                PlacementType = "children's home",
                StartDate = new DateOnly(2026, 3, 1),
                RecordedAt = Noon,
                Child = new ChildRecord { LocalId = "NC-1", GivenName = "Zoë", FamilyName = "O'Brien", DateOfBirth = new DateOnly(2012, 5, 6), Gender = "female" },
                Address = new AddressRecord { Line1 = "1 High Street", Town = "Matlock", Postcode = "DE4 3AG" },
            };
            var notification = new Notification
            {
                Id = Guid.NewGuid(),
                PlacementId = placement.Id,
                Kind = NotificationKind.PlacementStart,
                To = "derbyshire",
                Status = NotificationStatus.Pending,
                OutboxMessageId = Guid.NewGuid(),
                CreatedAt = Noon,
                AcknowledgeBy = Noon.AddDays(1),
            };
            placement.Notifications.Add(notification);
            db.Placements.Add(placement);
            await db.SaveChangesAsync(ct);

            db.ChangeTracker.Clear();
            var read = await db.Placements.Include(p => p.Notifications).SingleAsync(p => p.Id == placement.Id, ct);
            Assert.Equal("Zoë", read.Child.GivenName);
            Assert.Equal(Noon.AddDays(1), read.Notifications.Single().AcknowledgeBy);

            // A second writer holding the old version must lose.
            read.Notifications.Single().Status = NotificationStatus.Sent;
            await db.SaveChangesAsync(ct);
            // The original connection string: once a connection opened, SqlClient's copy has no password.
            await using var other = ServiceDatabase.Open("Placement", DatabaseProvider.SqlServer, connectionString);
            var stale = await ((PlacementDbContext)other.Context).Notifications.SingleAsync(n => n.Id == notification.Id, ct);
            Assert.Equal(1, stale.Version);
            read.Notifications.Single().Status = NotificationStatus.Delivered;
            await db.SaveChangesAsync(ct);
            stale.Status = NotificationStatus.Overdue;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => other.Context.SaveChangesAsync(ct));
        });
    }

    [Fact]
    public async Task A_concern_sent_again_with_its_reference_is_refused_but_unreferenced_ones_are_not()
    {
        await WithFreshDatabase("Referral", async (context, _) =>
        {
            var db = (ReferralDbContext)context;
            var ct = TestContext.Current.CancellationToken;
            Regional.Referral.Domain.Referral Concern(string? reference) => new()
            {
                Id = Guid.NewGuid(),
                ReceivedAt = Noon,
                Source = "police",
                SourceReference = reference,
                Concerns = "Seen with older males.",
                ExploitationTypes = ["cse"],
                ConcernDate = new DateOnly(2026, 3, 1),
                Child = new Regional.Referral.Domain.ReferredChild { GivenName = "Sam", DateOfBirth = new DateOnly(2011, 1, 2) },
            };

            // The unique index is filtered to referenced concerns on SQL Server, where NULLs would otherwise collide.
            db.Referrals.AddRange(Concern(null), Concern(null), Concern("LOG-1"), Concern("log-1"));
            await db.SaveChangesAsync(ct);
            Assert.Equal(["cse"], (await db.Referrals.AsNoTracking().FirstAsync(r => r.SourceReference == "LOG-1", ct)).ExploitationTypes);

            db.ChangeTracker.Clear();
            db.Referrals.Add(Concern("LOG-1"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        });
    }

    [Fact]
    public async Task The_region_alignment_round_trips()
    {
        await WithFreshDatabase("Region", async (context, _) =>
        {
            var db = (RegionDbContext)context;
            var ct = TestContext.Current.CancellationToken;
            db.Alignment.Add(new AlignmentRecord { Revision = 1, Aligned = ["v2"], Retired = ["v1"], ChangedAt = Noon, ChangedBy = "coordinator" });
            await db.SaveChangesAsync(ct);

            db.ChangeTracker.Clear();
            var read = await db.Alignment.SingleAsync(ct);
            Assert.Equal(["v2"], read.Aligned);
            Assert.Equal(["v1"], read.Retired);
            Assert.Equal(Noon, read.ChangedAt);
        });
    }

    private static async Task WithFreshDatabase(string service, Func<DbContext, string, Task> test)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Skip($"{EnvironmentVariable} does not name a SQL Server (a connection string whose login may create databases).");
        }

        var connectionString = new SqlConnectionStringBuilder(server)
        {
            InitialCatalog = $"regional_test_{service.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40],
        }.ConnectionString;
        await using var database = ServiceDatabase.Open(service, DatabaseProvider.SqlServer, connectionString);
        var db = database.Context;
        var ct = TestContext.Current.CancellationToken;
        var passed = false;
        try
        {
            // Creates the database, as start-up does on an empty server.
            await db.Database.MigrateAsync(ct);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
            Assert.False(db.Database.HasPendingModelChanges());
            await test(db, connectionString);
            passed = true;
        }
        finally
        {
            try
            {
                await db.Database.EnsureDeletedAsync(CancellationToken.None);
            }
            catch (Exception) when (!passed)
            {
                // The test's own failure says more than the clean-up's (an unreachable server fails both).
            }
        }
    }
}
