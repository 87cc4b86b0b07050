using Microsoft.Extensions.Logging;
using Regional.LocalRegion;

// Runs the whole region in this process against the broker named by --rabbitmq.
var options = new RegionHostOptions
{
    RabbitMqUri = Arg("--rabbitmq") ?? Environment.GetEnvironmentVariable("REGIONAL_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/",
    DataDirectory = Arg("--data") ?? Path.Combine(".region", "data"),
    GatewayPort = int.Parse(Arg("--gateway-port") ?? "5080"),
    IdentityPort = int.Parse(Arg("--identity-port") ?? "5081"),
    FirstServicePort = int.Parse(Arg("--first-service-port") ?? "5101"),
    MinimumLogLevel = LogLevel.Information,
};

await using var region = await RegionHost.StartAsync(options);
Console.WriteLine(RegionBanner.For(region));

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
await stopped.Task;
Console.WriteLine("Stopping the region...");
return 0;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
