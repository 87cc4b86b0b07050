using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Regional.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Largest request body any service accepts; a placement is a few kilobytes.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, string? authority)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddConciseBrokerConnectionLogging();
        // Unreadable bodies become exceptions in every environment, so that BadRequestExceptionHandler
        // can name the field instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Apply(o.SerializerOptions));
        // The hosting diagnostics open a log scope holding the request path, which every log line
        // of the request then carries; some paths name a child (/consent/children/{childId}). Off
        // for that category alone, the scope is never opened; the request logs it would have
        // written are below the region's Warning floor for Microsoft.AspNetCore anyway.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.AddRegionalTelemetry(serviceName, authority);
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseControlCharacterGuard();
        app.UseCorrelationId();
        return app;
    }

    /// <summary>
    /// A path with a control character in it (a %07 or %0A in a child's id) names nothing any
    /// service holds or should store, and PostgreSQL refuses a NUL outright: refuse it first, as a
    /// 400 naming the path (issue 11). Kestrel itself refuses a %00 before any of this runs.
    /// </summary>
    private static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value is { } path && path.Any(char.IsControl))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                    {
                        ["path"] = ["must not contain control characters."],
                    })
                    { Status = StatusCodes.Status400BadRequest, Title = "The request path is not valid." },
                });
                return;
            }

            await next(context);
        });

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: its database and broker do too.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            // MassTransit reports a lost broker connection as Degraded while it reconnects: not ready.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }
}
