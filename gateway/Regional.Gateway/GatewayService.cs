using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regional.Region;
using Regional.Security;
using Regional.ServiceDefaults;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Transforms;

namespace Regional.Gateway;

public static class GatewayService
{
    /// <summary>
    /// The region's single entry: validates the caller's token, refuses a caller whose authority
    /// is not the route's, rate-limits per client, adds a correlation id, and forwards the
    /// caller's own token so that every service validates it again.
    /// </summary>
    public static WebApplicationBuilder AddGatewayService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("regional-gateway", authority: null);
        builder.AddRegionalAuthentication();
        builder.Services.AddRegion(builder.Configuration);
        var gateway = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));

        builder.Services.AddSingleton<IAuthorizationHandler, RouteAuthorityHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ExplainedForbiddenHandler>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(RegionRoutes.AuthorityPolicy, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new RouteAuthorityRequirement()));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RegionRoutes.RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                ClientKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = gateway.RateLimit.Burst,
                    TokensPerPeriod = gateway.RateLimit.TokensPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = gateway.RateLimit.QueueLimit,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests from this client; retry after a second." },
                });
            };
        });

        builder.Services.AddReverseProxy()
            .AddTransforms(transforms => transforms.AddRequestTransform(context =>
            {
                // The correlation id middleware has set it on the incoming request; make sure it travels.
                context.ProxyRequest.Headers.Remove(Correlation.Header);
                context.ProxyRequest.Headers.TryAddWithoutValidation(Correlation.Header, context.HttpContext.Request.Headers[Correlation.Header].ToString());
                return ValueTask.CompletedTask;
            }));
        builder.Services.AddSingleton<Yarp.ReverseProxy.Configuration.IProxyConfigProvider>(sp =>
        {
            var (routes, clusters) = RegionRoutes.Build(sp.GetRequiredService<IOptions<RegionOptions>>().Value, gateway);
            return new Yarp.ReverseProxy.Configuration.InMemoryConfigProvider(routes, clusters);
        });
        return builder;
    }

    public static WebApplication MapGatewayService(this WebApplication app)
    {
        // Routes the region declares for large bodies (the backfill) get their own limit before
        // the body is read; every other request keeps the default.
        var region = app.Services.GetRequiredService<IOptions<RegionOptions>>().Value;
        var limits = region.Services.SelectMany(s => s.BodyLimits).ToDictionary(l => "/" + l.Key.Trim('/'), l => l.Value, StringComparer.Ordinal);
        app.Use((context, next) =>
        {
            if (limits.Count > 0
                && context.Request.Path.Value is { } path
                && path.IndexOf('/', 1) is var cut and > 0
                && limits.TryGetValue(path[cut..], out var bytes)
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = bytes;
            }

            return next(context);
        });
        app.UseServiceDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealthEndpoints();
        app.MapGet("/", LandingPage.Render).AllowAnonymous().ExcludeFromDescription();
        app.MapApiReference(region);
        // A force of the region has its own route (more specific, so it wins); any other name is not one.
        app.Map("/police/{force}/{**rest}", (string force, IOptions<RegionOptions> options) => TypedResults.Problem(new HttpValidationProblemDetails(
            new Dictionary<string, string[]>
            {
                ["force"] = [$"'{force}' is not a police force of the region; the forces are: {string.Join(", ", options.Value.PoliceForces.Select(f => f.Id))}."],
            })
        {
            Status = StatusCodes.Status404NotFound,
            Title = "No such police force.",
        })).AllowAnonymous().ExcludeFromDescription();
        app.MapReverseProxy();
        return app;
    }

    /// <summary>
    /// Partition by the authenticated caller: the token's subject is the client id for a system
    /// client and the user for a person (demo users share a client id, so it cannot be that).
    /// Anonymous calls (token requests) are limited by address.
    /// </summary>
    private static string ClientKey(HttpContext context) =>
        (context.User.GetSubject() ?? context.User.GetClientId()) is { } caller
            ? $"caller:{caller}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    /// <summary>
    /// <c>/reference/{document}</c>: an API reference page (Scalar) for each service's OpenAPI
    /// description, served from the package's own assets: no CDN, no fonts or telemetry from
    /// elsewhere, because the machines that run this may have no internet.
    /// </summary>
    private static void MapApiReference(this WebApplication app, RegionOptions region)
    {
        app.MapScalarApiReference("/reference", options =>
        {
            options.WithTitle($"{region.Name} referrals: API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry();
            foreach (var service in region.Services)
            {
                options.AddDocument(service.Name, $"{service.Name} (per authority: /{{authority}}/{string.Join(", /{authority}/", service.Resources)})");
            }

            options.AddDocument(RegionRoutes.RegionServiceDocument, "region (regional coordination: /region/...)");
            options.AddDocument(RegionRoutes.AlertsDocument, "alerts (police forces' inboxes: /police/{force}/...)");
        }).AllowAnonymous();
    }
}
