using System.Diagnostics;
using System.Net;

namespace Regional.Benchmarks;

public sealed record EndToEndResult(
    int Concurrency,
    int Notifications,
    int RecordFailures,
    Stats Recorded,
    Stats StoredAtHost,
    Stats DeliveredBack,
    Stats AcknowledgedBack,
    double EndToEndPerSecond,
    int DeliveredMoreThanOnce,
    double PeakMemoryMb,
    CpuProfile CpuMsPerNotification,
    double MachineUtilisation);

/// <summary>
/// Placements recorded through the gateway by concurrent case-system clients, every authority
/// placing into every other; the host acknowledges each one (through the gateway) as soon as it
/// is stored. Measured from the start of the POST to: stored in the host's register, the host's
/// receipt stored back home, and the acknowledgement stored back home.
/// </summary>
public static class EndToEnd
{
    private static readonly (string From, string To)[] Pairs =
        [.. BenchRegion.Authorities.SelectMany(from => BenchRegion.Authorities.Where(to => to != from).Select(to => (from, to)))];

    public static async Task<EndToEndResult> Run(BenchRegion bench, int concurrency, int count, int offset)
    {
        bench.Timings.Reset();
        bench.Timings.OnStoredAtHost = async notice =>
        {
            using var response = await bench.Placements(notice.To).AcknowledgeNotices(notice.To, notice.PlacementId);
        };

        await using var memory = new MemorySampler();
        var cpuBefore = CpuProfile.Snapshot();
        var wallStart = Stopwatch.GetTimestamp();
        var ids = new Guid[count];
        var (recorded, failures) = await Load.Run(count, concurrency, async i =>
        {
            var (from, to) = Pairs[i % Pairs.Length];
            var start = Stopwatch.GetTimestamp();
            using var response = await bench.Placements(from).RecordPlacement(from, Bodies.Placement(to, offset + i));
            if (response.StatusCode != HttpStatusCode.Created || response.Content is not { } placement)
            {
                return false;
            }

            ids[i] = placement.Notifications[0].Id;
            Interlocked.CompareExchange(ref bench.Timings.For(ids[i]).Start, start, 0);
            return true;
        });

        var wanted = ids.Where(id => id != Guid.Empty).ToArray();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 300;
        while (wanted.Any(id => bench.Timings.For(id).Acknowledged == 0) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        var cpu = CpuProfile.Between(cpuBefore, CpuProfile.Snapshot(), Stats.Ms(wallStart, Stopwatch.GetTimestamp()));
        var timings = wanted.Select(bench.Timings.For).ToArray();
        var first = timings.Min(t => t.Start);
        var lastAck = timings.Max(t => t.Acknowledged);
        Stats Of(Func<NoticeTiming, long> at) =>
            Stats.From([.. timings.Where(t => at(t) != 0).Select(t => Stats.Ms(t.Start, at(t)))], Stats.Ms(first, timings.Max(at)) / 1000);

        return new EndToEndResult(
            concurrency,
            count,
            failures,
            recorded,
            Of(t => t.StoredAtHost),
            Of(t => t.Delivered),
            Of(t => t.Acknowledged),
            Math.Round(timings.Count(t => t.Acknowledged != 0) / (Stats.Ms(first, lastAck) / 1000), 1),
            timings.Count(t => t.TimesStoredAtHost > 1),
            memory.PeakMegabytes,
            cpu.PerItem(wanted.Length),
            cpu.MachineUtilisation);
    }
}
