using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;

namespace Regional.Benchmarks;

/// <summary>
/// What the transport alone does: MassTransit sends of the same contract (a placement notice)
/// from one endpoint to another on the same node, durable, with publisher confirms, no database.
/// </summary>
public static class BrokerBaseline
{
    public static async Task<(Stats Stats, double PeakMemoryMb)> Run(Uri brokerUri, int count, int concurrency)
    {
        var broker = BrokerSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Uri"] = brokerUri.ToString() }).Build());
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var latencies = new ConcurrentBag<double>();
        var done = new TaskCompletionSource();
        var received = 0;
        long lastReceived = 0;

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, "bench-baseline", h =>
            {
                h.Username(broker.Username);
                h.Password(broker.Password);
            });
            cfg.ReceiveEndpoint("bench.baseline", e =>
            {
                e.PrefetchCount = 32;
                e.Handler<PlacementNotice>(context =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (sentAt.TryGetValue(context.Message.NotificationId, out var at))
                    {
                        latencies.Add(Stats.Ms(at, now));
                    }

                    Interlocked.Exchange(ref lastReceived, now);
                    if (Interlocked.Increment(ref received) == count)
                    {
                        done.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });

        Task started;
        using (ExecutionContext.SuppressFlow())
        {
            started = Task.Run(() => bus.StartAsync());
        }

        await started;
        try
        {
            await using var memory = new MemorySampler();
            var endpoint = await bus.GetSendEndpoint(new Uri("queue:bench.baseline"));
            var template = Sample();
            var first = Stopwatch.GetTimestamp();
            await Load.Run(count, concurrency, async _ =>
            {
                var message = template with { NotificationId = NewId.NextGuid() };
                sentAt[message.NotificationId] = Stopwatch.GetTimestamp();
                await endpoint.Send(message, context => context.Durable = true);
                return true;
            });
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return (Stats.From([.. latencies], Stats.Ms(first, lastReceived) / 1000), memory.PeakMegabytes);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static PlacementNotice Sample() => new(
        Guid.Empty, Guid.NewGuid(), "nottingham-city", "derbyshire",
        new ChildDetails("BENCH-0000001", "Alex", "Benchmark-Example", new DateOnly(2011, 6, 1), "9434765919", "not-known", "Not stated"),
        "C2", "foster-care", new DateOnly(2026, 1, 1), new PlacementAddress("10 Example Street", null, "Chesterfield", "S40 1AA"),
        false, new DateOnly(2026, 1, 1), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
}
