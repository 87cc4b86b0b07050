using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
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
    /// <c>OTEL_*</c> variables, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: without an
    /// endpoint that the operator configured, nothing leaves the process.
    /// Span attributes and metric labels carry ids of authorities and kinds, never of people.
    /// </summary>
    public static WebApplicationBuilder AddRegionalTelemetry(this WebApplicationBuilder builder, string serviceName, string? authority)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName, serviceInstanceId: authority)
                .AddAttributes(authority is null ? [] : [new("regional.authority", authority)]))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                // SQL text only, never parameter values: the statements are parameterised.
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("MassTransit", "Yarp.ReverseProxy")
                .AddSource(RegionalSources)
                // Last, so that it sees every tag the instrumentation set, before any exporter does.
                .AddProcessor(new PathRedaction()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(RegionalSources))
            .WithLogging(logging => { }, options => options.IncludeScopes = true)
            .UseOtlpExporter();
        return builder;
    }
}
