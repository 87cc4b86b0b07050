using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>
/// Builds and starts a WebApplication on a real loopback port with configuration only
/// from memory (never the process's environment or a stray appsettings.json).
/// </summary>
public static class LoopbackApp
{
    public static async Task<WebApplication> StartAsync(
        int port,
        IDictionary<string, string?> settings,
        LogCapture logs,
        Action<WebApplicationBuilder> add,
        Action<WebApplication> map,
        string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        add(builder);
        var app = builder.Build();
        try
        {
            map(app);
            await app.StartAsync(TestContext.Current.CancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A free loopback port, for a service whose configuration must name its own URL before
    /// it starts (the issuer). Another process could take it meanwhile; callers retry.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Uri BaseAddress(this WebApplication app) => new(app.Urls.Single());
}
