using System.Runtime.InteropServices;
using System.Text.Json;
using Regional.Benchmarks;

// deploy/scripts/benchmark.sh [--quick] [--out FILE]: every phase in one run, as a table and as JSON.
if (args.Contains("--role"))
{
    return await GatewayRole.Run(args);
}

var quick = args.Contains("--quick");
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "benchmark-results.json";
var e2eCount = quick ? 400 : 3000;
var readCount = quick ? 3000 : 20000;
var backfillCount = quick ? 5000 : 50000;
var only = (args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? "baseline,e2e,gateway,backfill").Split(',');
var concurrencies = (args.SkipWhile(a => a != "--concurrency").Skip(1).FirstOrDefault() ?? "8,32,64").Split(',').Select(int.Parse).ToArray();

Console.WriteLine($"Starting the region (PostgreSQL, private RabbitMQ node)... {(quick ? "quick run" : "full run")}");
await using var bench = await BenchRegion.StartAsync();

if (only.Contains("posts"))
{
    // Diagnostic: the write path alone, direct and through the gateway, the same raw request down
    // both (see BenchRegion.Request).
    foreach (var (name, baseUri, prefix) in new[]
    {
        ("direct", new Uri($"http://127.0.0.1:{bench.Region.PlacementPorts["nottingham-city"]}"), ""),
        ("gateway", bench.Region.GatewayUrl, "/nottingham-city"),
    })
    {
        foreach (var c in concurrencies)
        {
            var (stats, failed) = await Load.Run(e2eCount, c, async i =>
            {
                using var request = bench.Request(HttpMethod.Post, baseUri, $"{prefix}/placements", "nottingham-city", Bodies.Json(Bodies.Placement("derbyshire", 5_000_000 + i)));
                using var response = await bench.Http.SendAsync(request);
                return response.StatusCode == System.Net.HttpStatusCode.Created;
            });
            Console.WriteLine($"POST {name} c={c}: {stats} failed={failed}");
        }
    }
}

Console.WriteLine("Broker baseline...");
var (baseline, baselineMemory) = only.Contains("baseline")
    ? await BrokerBaseline.Run(await bench.Broker.CreateVirtualHostAsync("bench-baseline"), e2eCount * 3, 64)
    : (Stats.From([], 1), 0);

var endToEnd = new List<EndToEndResult>();
var offset = 0;
foreach (var concurrency in only.Contains("e2e") ? concurrencies : [])
{
    Console.WriteLine($"Cross-border notifications, {concurrency} concurrent clients...");
    endToEnd.Add(await EndToEnd.Run(bench, concurrency, e2eCount, offset));
    offset += e2eCount;
}

Console.WriteLine("Gateway cost...");
var gateway = only.Contains("gateway") ? await GatewayCost.Run(bench, readCount, 32) : null;

Console.WriteLine($"Backfill of {backfillCount} placements...");
var backfill = only.Contains("backfill") ? await Backfill.Run(bench, backfillCount) : null;

var machine = new
{
    Cores = Environment.ProcessorCount,
    Cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null,
    MemoryGb = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
    Os = RuntimeInformation.OSDescription,
    Runtime = RuntimeInformation.FrameworkDescription,
    When = DateTimeOffset.UtcNow,
};
var report = new { Machine = machine, Quick = quick, BrokerBaseline = new { Stats = baseline, PeakMemoryMb = baselineMemory }, EndToEnd = endToEnd, GatewayCost = gateway, Backfill = backfill };
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));

Console.WriteLine();
Console.WriteLine($"Machine: {machine.Cores} cores, {machine.Cpu}, {machine.MemoryGb} GiB, {machine.Os}, {machine.Runtime}");
Console.WriteLine();
Console.WriteLine("| run | n | per second | p50 ms | p95 ms | p99 ms | max ms | peak MB |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
void Row(string name, Stats s, double? memoryMb = null) =>
    Console.WriteLine($"| {name} | {s.Count} | {s.PerSecond} | {s.P50Ms} | {s.P95Ms} | {s.P99Ms} | {s.MaxMs} | {memoryMb?.ToString() ?? ""} |");
if (baseline.Count > 0)
{
    Row("broker baseline: MassTransit send→consume, 64 in flight", baseline, baselineMemory);
}

foreach (var r in endToEnd)
{
    Row($"e2e c={r.Concurrency}: POST through gateway (201)", r.Recorded);
    Row($"e2e c={r.Concurrency}: stored in host register", r.StoredAtHost);
    Row($"e2e c={r.Concurrency}: receipt back at placing authority", r.DeliveredBack);
    Row($"e2e c={r.Concurrency}: acknowledgement back (host acks at once)", r.AcknowledgedBack, r.PeakMemoryMb);
}

foreach (var r in gateway?.Reads ?? [])
{
    Row($"read by id: {r.Target}{(r.GatewayCpuMicrosecondsPerRequest is { } cpu ? $" ({cpu} µs CPU/request in gateway process)" : "")}", r.Stats, gateway!.PeakMemoryMb);
}

Console.WriteLine();
foreach (var r in endToEnd)
{
    Console.WriteLine($"e2e c={r.Concurrency}: {r.EndToEndPerSecond} notifications/s acknowledged end to end; {r.RecordFailures} failed POSTs; {r.DeliveredMoreThanOnce} notices delivered more than once (deduplicated)");
    Console.WriteLine($"    CPU per notification: region+load {r.CpuMsPerNotification.RegionAndLoadMs} ms, PostgreSQL {r.CpuMsPerNotification.PostgresMs} ms, RabbitMQ {r.CpuMsPerNotification.RabbitMqMs} ms; machine {r.MachineUtilisation:P0} busy");
}

if (gateway is not null)
{
    Console.WriteLine($"gateway: {gateway.GatewayThroughputRatio:P1} of direct throughput (bare YARP {gateway.BareYarpThroughputRatio:P1}); adds {gateway.GatewayAddedP50Ms} ms at p50, {gateway.GatewayAddedP99Ms} ms at p99; CPU per request {gateway.GatewayCpuRatioToBareYarp}x bare YARP");
}

if (backfill is not null)
{
    Console.WriteLine($"backfill: {backfill.Placements} placements in batches of {backfill.BatchSize}: accepted in {backfill.AcceptSeconds} s, all in host registers at {backfill.AllStoredAtHostsSeconds} s, all receipts back at {backfill.AllReceiptsBackSeconds} s ({backfill.NotificationsPerSecond}/s); registered {backfill.RegisteredAtHosts}, exactly once: {backfill.ExactlyOnce}; peak {backfill.PeakMemoryMb} MB");
    Console.WriteLine($"    CPU per placement: region+load {backfill.CpuMsPerPlacement.RegionAndLoadMs} ms, PostgreSQL {backfill.CpuMsPerPlacement.PostgresMs} ms, RabbitMQ {backfill.CpuMsPerPlacement.RabbitMqMs} ms; machine {backfill.MachineUtilisation:P0} busy");
}

Console.WriteLine($"JSON: {Path.GetFullPath(output)}");
return 0;
