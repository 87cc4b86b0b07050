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

// Past this, a stop that hangs (a service waiting on a lost broker, say) no longer holds the
// process: whoever sent the signal expects it gone within seconds.
var graceful = TimeSpan.FromSeconds(15);
var hardLimit = TimeSpan.FromSeconds(20);

// The only handler of the stop signals in the process (the apps' lifetimes hook none).
// PosixSignalRegistration rather than Console.CancelKeyPress: that one is not raised for SIGTERM,
// nor for a SIGINT to a process started in the background.
using var stop = new CancellationTokenSource();
using var signals = new StopSignals(signal =>
{
    Console.WriteLine($"{signal}: stopping the region...");
    stop.Cancel();
});

RegionHost region;
try
{
    region = await RegionHost.StartAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // StartAsync has already stopped the apps it had started.
    Console.WriteLine("Stopped before the region had started.");
    return 0;
}

Console.WriteLine(RegionBanner.For(region));

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // A stop signal.
}

var stopping = StopAsync(region);
if (await Task.WhenAny(stopping, Task.Delay(hardLimit)) != stopping)
{
    Console.Error.WriteLine($"The region did not stop within {hardLimit.TotalSeconds:0} s; exiting anyway.");
    // Environment.Exit rather than return: whatever hangs may hold a foreground thread.
    Environment.Exit(1);
}

try
{
    await stopping;
}
catch (Exception e)
{
    Console.Error.WriteLine($"The region stopped with an error: {e}");
    return 1;
}

Console.WriteLine("The region has stopped.");
return 0;

async Task StopAsync(RegionHost host)
{
    using var hurry = new CancellationTokenSource(graceful);
    await host.StopAsync(hurry.Token);
    await host.DisposeAsync();
}

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
