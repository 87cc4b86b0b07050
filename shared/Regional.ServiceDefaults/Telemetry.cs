using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Regional.ServiceDefaults;

public static class Telemetry
{
    /// <summary>Activity sources and meters of the region's own code.</summary>
    public static readonly string[] RegionalSources = ["Regional.Messaging", "Regional.Placement", "Regional.Referral", "Regional.Gateway"];

    /// <summary>
    /// OpenTelemetry traces, metrics and logs over OTLP, configured by the standard
    /// <c>OTEL_*</c> variables, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. The hosting
    /// package is not available here, so the providers are built and owned by hand.
    /// Span attributes and metric labels carry ids of authorities and kinds, never of people.
    /// </summary>
    public static WebApplicationBuilder AddRegionalTelemetry(this WebApplicationBuilder builder, string serviceName, string? authority)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        var resource = ResourceBuilder.CreateDefault()
            .AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName, serviceInstanceId: authority)
            .AddAttributes(authority is null ? [] : [new("regional.authority", authority)]);

        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource("Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Yarp.ReverseProxy")
            .AddSource(RegionalSources)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "MassTransit")
            .AddMeter(RegionalSources)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddHostedService<TelemetryLifetime>();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeScopes = true;
            logging.AddOtlpExporter();
        });
        return builder;
    }

    /// <summary>Creates the providers at start (so they listen from the first request) and flushes them at stop.</summary>
    private sealed class TelemetryLifetime(TracerProvider tracer, MeterProvider meter) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracer.ForceFlush(5000);
            meter.ForceFlush(5000);
            return Task.CompletedTask;
        }
    }
}
