using System.Diagnostics;

namespace Regional.Benchmarks;

/// <summary>Latency percentiles and throughput of one measured run.</summary>
public sealed record Stats(int Count, double Seconds, double PerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static Stats From(IReadOnlyCollection<double> latenciesMs, double seconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Stats(sorted.Length, Math.Round(seconds, 2), Math.Round(sorted.Length / seconds, 1),
            Math.Round(At(0.50), 2), Math.Round(At(0.95), 2), Math.Round(At(0.99), 2), Math.Round(sorted.LastOrDefault(), 2));
    }

    public static double Ms(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Samples this process's working set while a phase runs; the region lives in this process.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public MemorySampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                _peak = Math.Max(_peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(100, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public double PeakMegabytes => Math.Round(_peak / 1024.0 / 1024.0, 1);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>CPU time of a process from /proc, in milliseconds (user + system).</summary>
public static class ProcessCpu
{
    public static double Milliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }
}

/// <summary>
/// Where the CPU went during a phase, by process: this process (the region and the load), the
/// database server and the broker. The cheapest profile that says which part to look at next.
/// </summary>
public sealed record CpuProfile(double RegionAndLoadMs, double PostgresMs, double RabbitMqMs, double WallMs)
{
    public double MachineUtilisation => Math.Round((RegionAndLoadMs + PostgresMs + RabbitMqMs) / (WallMs * Environment.ProcessorCount), 3);

    public static Dictionary<string, double> Snapshot()
    {
        var totals = new Dictionary<string, double> { ["self"] = ProcessCpu.Milliseconds(Environment.ProcessId), ["postgres"] = 0, ["beam.smp"] = 0 };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                if (totals.ContainsKey(name))
                {
                    totals[name] += ProcessCpu.Milliseconds(pid);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return totals;
    }

    public static CpuProfile Between(Dictionary<string, double> before, Dictionary<string, double> after, double wallMs) =>
        new(Math.Round(after["self"] - before["self"]), Math.Round(after["postgres"] - before["postgres"]),
            Math.Round(after["beam.smp"] - before["beam.smp"]), Math.Round(wallMs));

    public CpuProfile PerItem(int items) =>
        new(Math.Round(RegionAndLoadMs / items, 2), Math.Round(PostgresMs / items, 2), Math.Round(RabbitMqMs / items, 2), Math.Round(WallMs / items, 2));
}
