using System.Collections.Concurrent;
using System.Diagnostics;

namespace Regional.Benchmarks;

public static class Load
{
    /// <summary>Runs <paramref name="count"/> operations with <paramref name="concurrency"/> in flight; returns each one's latency.</summary>
    public static async Task<(Stats Stats, int Failures)> Run(int count, int concurrency, Func<int, Task<bool>> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var begin = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(i);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok)
                {
                    latencies.Add(Stats.Ms(begin, Stopwatch.GetTimestamp()));
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return (Stats.From(latencies, Stats.Ms(started, Stopwatch.GetTimestamp()) / 1000), failures);
    }
}
