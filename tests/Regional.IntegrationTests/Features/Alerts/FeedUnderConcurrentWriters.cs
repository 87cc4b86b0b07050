using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Api.Alerts;
using Regional.Client;
using Regional.Contracts.Alerts.V1;
using Regional.Messaging;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Alerts.PoliceApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Alerts;

/// <summary>
/// A force system pages its feed while alerts keep arriving from several writers at once: it must
/// see every alert exactly once and in the order the feed gives them, with nothing slipping in behind
/// a cursor it already holds. The writers commit through the alerts service's own commit path.
/// </summary>
public abstract class When_a_force_pages_its_feed_while_alerts_arrive<TRegion>(TRegion fixture)
    where TRegion : AlertsRegion
{
    private const int Writers = 4;
    private const int AlertsPerWriter = 60;

    [Fact]
    public async Task Every_alert_is_seen_exactly_once_in_feed_order()
    {
        using var police = await Officer(fixture, Derbyshire);
        var feed = RegionalClients.Alerts(police);

        // Start after whatever the feed holds already.
        var cursor = await DrainAsync(feed, null, _ => { });
        var ours = new ConcurrentDictionary<Guid, byte>();
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w, ours))));

        var seen = new List<AlertView>();
        while (!writing.IsCompleted)
        {
            cursor = await DrainAsync(feed, cursor, seen.Add, limit: 7);
            // A force system polls; it does not spin (the gateway's rate limit would refuse it).
            await Task.Delay(20);
        }

        await writing;
        cursor = await DrainAsync(feed, cursor, seen.Add, limit: 7);

        var mine = seen.Where(a => ours.ContainsKey(a.Id)).ToList();
        Assert.Equal(Writers * AlertsPerWriter, ours.Count);
        Assert.Equal(ours.Count, mine.Count);
        Assert.Equal(mine.Count, mine.Select(a => a.Id).Distinct().Count());
        Assert.All(ours.Keys, id => Assert.Contains(mine, a => a.Id == id));

        // In the feed's order, each page after the last, sequences rising without a repeat.
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].Sequence > seen[i - 1].Sequence, $"sequence {seen[i].Sequence} came after {seen[i - 1].Sequence}");
        }

        // References of the force run without a gap or a repeat.
        var numbers = mine.Select(a => int.Parse(a.Reference[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers[^1] - numbers[0] + 1, numbers.Count);

        // Nothing new after the end; the same cursor comes back.
        var last = Ok(await feed.Feed(Derbyshire, cursor));
        Assert.Empty(last.Items);
        Assert.Equal(cursor, last.Next);
    }

    private async Task WriteAsync(int writer, ConcurrentDictionary<Guid, byte> ours)
    {
        var written = 0;
        while (written < AlertsPerWriter)
        {
            // One to three alerts per commit, as a burst of consumers would write them.
            var batch = Math.Min(1 + ((writer + written) % 3), AlertsPerWriter - written);
            await using var scope = fixture.Region.AlertsServices.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<AlertsDbContext>>();
            var now = fixture.Clock.GetUtcNow();
            for (var i = 0; i < batch; i++)
            {
                var message = new PersonOrPlaceOfConcernAlert(
                    NewId.NextSequentialGuid(), "derby-city", Derbyshire, Guid.NewGuid(), "place", "derbyshire",
                    $"Writer {writer}, alert {written + i}", "1 Example Street, Matlock", null, null, null, now);
                work.Db.Alerts.Add(PoliceAlert.Receive(message, AlertKinds.PersonOrPlaceOfConcern, "{}", TimeSpan.FromDays(3), now));
                ours[message.AlertId] = 0;
            }

            await work.CommitAsync(CancellationToken.None);
            written += batch;
        }
    }

    private static async Task<string?> DrainAsync(IAlertsApi feed, string? cursor, Action<AlertView> seen, int limit = 500)
    {
        while (true)
        {
            var page = Ok(await feed.Feed(Derbyshire, cursor, limit));
            foreach (var alert in page.Items)
            {
                seen(alert);
            }

            cursor = page.Next;
            if (page.Items.Count < limit)
            {
                return cursor;
            }
        }
    }
}

public sealed class When_a_force_pages_its_feed_while_alerts_arrive_on_postgres(AlertsRegion fixture)
    : When_a_force_pages_its_feed_while_alerts_arrive<AlertsRegion>(fixture), IClassFixture<AlertsRegion>;

public sealed class When_a_force_pages_its_feed_while_alerts_arrive_on_sqlite(SqliteAlertsRegion fixture)
    : When_a_force_pages_its_feed_while_alerts_arrive<SqliteAlertsRegion>(fixture), IClassFixture<SqliteAlertsRegion>;
