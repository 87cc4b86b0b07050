using System.Diagnostics;
using System.Net;

namespace Regional.Benchmarks;

public sealed record ReadResult(string Target, Stats Stats, int Failures, double? GatewayCpuMicrosecondsPerRequest);

public sealed record GatewayCostResult(
    IReadOnlyList<ReadResult> Reads,
    double BareYarpThroughputRatio,
    double GatewayThroughputRatio,
    double GatewayAddedP50Ms,
    double GatewayAddedP99Ms,
    double GatewayCpuRatioToBareYarp,
    double PeakMemoryMb);

/// <summary>
/// The same real read (a placement by id, from the database), direct to the service, through a
/// bare YARP route, and through the region's gateway with everything on.
/// </summary>
public static class GatewayCost
{
    public static async Task<GatewayCostResult> Run(BenchRegion bench, int count, int concurrency)
    {
        const string authority = "nottingham-city";
        using var created = await bench.Placements(authority).RecordPlacement(authority, Bodies.Placement("derbyshire", 9_999_999));
        if (created.StatusCode != HttpStatusCode.Created || created.Content is not { } placement)
        {
            throw new InvalidOperationException($"The placement to read was not recorded: {created.StatusCode} {created.Error?.Message}");
        }

        var id = placement.Id;

        var destinations = string.Join(',', bench.Region.PlacementPorts.Select(p => $"{p.Key}=http://127.0.0.1:{p.Value}"));
        var referrals = string.Join(',', bench.Region.ReferralPorts.Select(p => $"{p.Key}=http://127.0.0.1:{p.Value}"));
        var consents = string.Join(',', bench.Region.ConsentPorts.Select(p => $"{p.Key}=http://127.0.0.1:{p.Value}"));
        using var child = StartChild(
            "--role", "gateways", "--identity", bench.Region.IdentityUrl.ToString().TrimEnd('/'),
            "--region", Path.Combine(AppContext.BaseDirectory, "region.json"), "--destinations", destinations, "--referrals", referrals,
            "--consents", consents);
        try
        {
            // "READY barePort gatewayPort": the child binds port 0 and says which ports it got.
            var ready = (await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)))?.Split(' ');
            if (ready is not ["READY", var bareText, var gatewayText] || !int.TryParse(bareText, out var barePort) || !int.TryParse(gatewayText, out var gatewayPort))
            {
                throw new InvalidOperationException($"The gateway process did not start: {string.Join(' ', ready ?? [])} {await child.StandardError.ReadToEndAsync()}");
            }

            await using var memory = new MemorySampler();
            var direct = new Uri($"http://127.0.0.1:{bench.Region.PlacementPorts[authority]}");
            var targets = new (string Name, Uri Base, string Path, bool Child)[]
            {
                ("direct", direct, $"/placements/{id}", false),
                ("bare-yarp", new Uri($"http://127.0.0.1:{barePort}"), $"/{authority}/placements/{id}", true),
                ("gateway", new Uri($"http://127.0.0.1:{gatewayPort}"), $"/{authority}/placements/{id}", true),
            };

            var results = new List<ReadResult>();
            foreach (var (name, baseUri, path, inChild) in targets)
            {
                await Read(bench, baseUri, path, authority, Math.Min(2000, count), concurrency); // warm-up: JIT, pools, keys
                var cpuBefore = inChild ? ProcessCpu.Milliseconds(child.Id) : 0;
                var (stats, failures) = await Read(bench, baseUri, path, authority, count, concurrency);
                double? cpu = inChild ? Math.Round((ProcessCpu.Milliseconds(child.Id) - cpuBefore) * 1000 / count, 1) : null;
                results.Add(new ReadResult(name, stats, failures, cpu));
            }

            var d = results[0].Stats;
            var bare = results[1];
            var full = results[2];
            return new GatewayCostResult(
                results,
                Math.Round(bare.Stats.PerSecond / d.PerSecond, 3),
                Math.Round(full.Stats.PerSecond / d.PerSecond, 3),
                Math.Round(full.Stats.P50Ms - d.P50Ms, 3),
                Math.Round(full.Stats.P99Ms - d.P99Ms, 3),
                Math.Round(full.GatewayCpuMicrosecondsPerRequest!.Value / bare.GatewayCpuMicrosecondsPerRequest!.Value, 3),
                memory.PeakMegabytes);
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000))
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    // Raw, not the typed client: the three targets must get the same request from the same code,
    // so that only the hop differs, and the direct one has no /{authority} prefix.
    private static Task<(Stats, int)> Read(BenchRegion bench, Uri baseUri, string path, string authority, int count, int concurrency) =>
        Load.Run(count, concurrency, async _ =>
        {
            using var request = bench.Request(HttpMethod.Get, baseUri, path, authority);
            using var response = await bench.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return response.StatusCode == HttpStatusCode.OK;
        });

    private static Process StartChild(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.FileName = self;
            info.ArgumentList.Add(typeof(GatewayCost).Assembly.Location);
        }
        else
        {
            info.FileName = self;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
