using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Regional.Gateway;
using Yarp.ReverseProxy.Configuration;

namespace Regional.Benchmarks;

/// <summary>
/// The child process of the gateway-cost phase: a bare YARP route and the region's gateway, each
/// on its own port, so that the gateway's CPU is measured apart from the services and the load.
/// </summary>
public static class GatewayRole
{
    public static async Task<int> Run(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).First();
        var identity = Arg("--identity");
        var regionFile = Arg("--region");
        var destinations = Arg("--destinations").Split(',').Select(d => d.Split('=', 2)).ToDictionary(d => d[0], d => d[1]);
        var referrals = Arg("--referrals").Split(',').Select(d => d.Split('=', 2)).ToDictionary(d => d[0], d => d[1]);
        var consents = Arg("--consents").Split(',').Select(d => d.Split('=', 2)).ToDictionary(d => d[0], d => d[1]);

        var bare = Builder(regionFile, []);
        bare.Services.AddReverseProxy().LoadFromMemory(
            [.. destinations.Keys.Select(a => new RouteConfig
            {
                RouteId = a,
                ClusterId = a,
                Match = new RouteMatch { Path = $"/{a}/placements/{{**rest}}" },
                Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = $"/{a}" }],
            })],
            [.. destinations.Select(d => new ClusterConfig
            {
                ClusterId = d.Key,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = d.Value } },
            })]);
        var bareApp = bare.Build();
        bareApp.MapReverseProxy();

        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Authority"] = identity,
            ["Authentication:RequireHttpsMetadata"] = "false",
            ["Gateway:RateLimit:TokensPerSecond"] = "1000000",
            ["Gateway:RateLimit:Burst"] = "1000000",
        };
        foreach (var (authority, address) in destinations)
        {
            settings[$"Gateway:Destinations:{authority}:placement"] = address;
        }

        // The gateway routes every resource of the region; the benchmark only reads placements.
        foreach (var (authority, address) in referrals)
        {
            settings[$"Gateway:Destinations:{authority}:referral"] = address;
        }

        foreach (var (authority, address) in consents)
        {
            settings[$"Gateway:Destinations:{authority}:consent"] = address;
        }

        var gateway = Builder(regionFile, settings);
        gateway.AddGatewayService();
        var gatewayApp = gateway.Build();
        gatewayApp.MapGatewayService();

        await bareApp.StartAsync();
        await gatewayApp.StartAsync();
        Console.WriteLine($"READY {BoundPort(bareApp)} {BoundPort(gatewayApp)}");
        await Console.In.ReadToEndAsync();
        await gatewayApp.StopAsync();
        await bareApp.StopAsync();
        return 0;
    }

    // Port 0, and the bound port told to the parent once started: a port picked free beforehand
    // could be taken by another process before this one binds it.
    private static WebApplicationBuilder Builder(string regionFile, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        // REGIONAL_BENCH_ variables switch a setting for one run, e.g.
        // REGIONAL_BENCH_Authentication__CacheValidatedTokens=false to measure what the token cache saves.
        builder.Configuration.AddJsonFile(regionFile).AddInMemoryCollection(settings).AddEnvironmentVariables("REGIONAL_BENCH_");
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    private static int BoundPort(WebApplication app) => new Uri(app.Urls.Single()).Port;
}
