using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Api.Placements;
using Regional.Placement.Data;

namespace Regional.Benchmarks;

public sealed record BackfillResult(
    int Placements,
    int BatchSize,
    int RejectedBatches,
    double AcceptSeconds,
    double AllStoredAtHostsSeconds,
    double AllReceiptsBackSeconds,
    double NotificationsPerSecond,
    int RegisteredAtHosts,
    int DeliveredMoreThanOnce,
    bool ExactlyOnce,
    double PeakMemoryMb,
    CpuProfile CpuMsPerPlacement,
    double MachineUtilisation);

/// <summary>
/// A council joins the broker with its existing out-of-area placements, posted in batches through
/// the gateway; measured until every host has every child in its register and every receipt is
/// back, then checked in the databases: each placement registered exactly once.
/// </summary>
public static class Backfill
{
    public const string Joining = "nottinghamshire";

    public static async Task<BackfillResult> Run(BenchRegion bench, int placements, int batchSize = 500, int concurrentBatches = 2)
    {
        string[] hosts = [.. BenchRegion.Authorities.Where(a => a != Joining)];
        bench.Timings.Reset();
        bench.Timings.OnStoredAtHost = null;
        await using var memory = new MemorySampler();

        var cpuBefore = CpuProfile.Snapshot();
        var start = Stopwatch.GetTimestamp();
        var batches = (placements + batchSize - 1) / batchSize;
        var (_, rejected) = await Load.Run(batches, concurrentBatches, async b =>
        {
            RecordPlacementRequest[] items = [.. Enumerable.Range(b * batchSize, Math.Min(batchSize, placements - (b * batchSize)))
                .Select(i => Bodies.Placement(hosts[i % hosts.Length], i, "BACKFILL"))];
            using var response = await bench.Placements(Joining).RecordPlacements(Joining, items);
            return response.StatusCode == HttpStatusCode.Created;
        });
        var accepted = Stopwatch.GetTimestamp();

        long storedAll = 0;
        long deliveredAll = 0;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 600;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var timings = bench.Timings.ByNotification.Values;
            var stored = timings.Count(t => t.StoredAtHost != 0);
            var delivered = timings.Count(t => t.Delivered != 0);
            if (storedAll == 0 && stored >= placements)
            {
                storedAll = Stopwatch.GetTimestamp();
            }

            if (delivered >= placements)
            {
                deliveredAll = Stopwatch.GetTimestamp();
                break;
            }

            await Task.Delay(200);
        }

        var cpu = CpuProfile.Between(cpuBefore, CpuProfile.Snapshot(), Stats.Ms(start, Stopwatch.GetTimestamp()));
        var registered = 0;
        var distinct = 0;
        foreach (var host in hosts)
        {
            await using var scope = bench.Region.PlacementServices(host).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            registered += await db.Register.CountAsync(e => e.PlacingAuthority == Joining && e.Child.LocalId.StartsWith("BACKFILL-"));
            distinct += await db.Register.Where(e => e.PlacingAuthority == Joining && e.Child.LocalId.StartsWith("BACKFILL-"))
                .Select(e => e.Child.LocalId).Distinct().CountAsync();
        }

        var twice = bench.Timings.ByNotification.Values.Count(t => t.TimesStoredAtHost > 1);
        double Seconds(long at) => at == 0 ? double.NaN : Math.Round(Stats.Ms(start, at) / 1000, 2);
        return new BackfillResult(
            placements,
            batchSize,
            rejected,
            Seconds(accepted),
            Seconds(storedAll),
            Seconds(deliveredAll),
            deliveredAll == 0 ? 0 : Math.Round(placements / (Stats.Ms(start, deliveredAll) / 1000), 1),
            registered,
            twice,
            registered == placements && distinct == placements,
            memory.PeakMegabytes,
            cpu.PerItem(placements),
            cpu.MachineUtilisation);
    }
}
