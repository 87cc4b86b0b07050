using Regional.Region;
using Yarp.ReverseProxy.Configuration;

namespace Regional.Gateway;

/// <summary>
/// Builds the proxy's routes from the region's data: <c>/{authority}/{resource}/...</c> goes to
/// that authority's own instance of the service that owns the resource (<c>Region:Services</c>).
/// A new authority, service or resource in the region file gets its routes without a code change.
/// </summary>
public static class RegionRoutes
{
    public const string AuthorityPolicy = "caller-belongs-to-route-authority";
    public const string RateLimitPolicy = "per-client";

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(RegionOptions region, GatewayOptions gateway)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var authority in region.Authorities.Select(a => a.Id))
        {
            foreach (var service in region.Services.Select(s => s.Name))
            {
                clusters.Add(new ClusterConfig
                {
                    ClusterId = ClusterId(authority, service),
                    Destinations = new Dictionary<string, DestinationConfig>
                    {
                        ["primary"] = new() { Address = AddressOf(gateway, authority, service) },
                    },
                });
            }

            // Each service keeps its own disclosure audit: /{authority}/audit/{service}/... is that service's /audit/...
            foreach (var service in region.Services.Select(s => s.Name))
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"{authority}-audit-{service}",
                    ClusterId = ClusterId(authority, service),
                    Match = new RouteMatch { Path = $"/{authority}/audit/{service}/{{**rest}}" },
                    AuthorizationPolicy = AuthorityPolicy,
                    RateLimiterPolicy = RateLimitPolicy,
                    Metadata = new Dictionary<string, string> { ["authority"] = authority },
                    Transforms = [new Dictionary<string, string> { ["PathPattern"] = "/audit/{**rest}" }],
                });
            }

            foreach (var (resource, service) in region.Services.SelectMany(s => s.Resources.Select(r => (r, s.Name))))
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"{authority}-{resource}",
                    ClusterId = ClusterId(authority, service),
                    Match = new RouteMatch { Path = $"/{authority}/{resource}/{{**rest}}" },
                    AuthorizationPolicy = AuthorityPolicy,
                    RateLimiterPolicy = RateLimitPolicy,
                    Metadata = new Dictionary<string, string> { ["authority"] = authority },
                    Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = $"/{authority}" }],
                });
            }
        }

        // Every authority's instance of a service has the same API: its description is read from
        // the first authority's, and needs no token (it holds no records).
        if (region.Authorities.FirstOrDefault() is { } first)
        {
            foreach (var service in region.Services.Select(s => s.Name))
            {
                routes.Add(ApiDescription(service, ClusterId(first.Id, service)));
            }
        }

        if (!string.IsNullOrWhiteSpace(gateway.RegionAddress))
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = "region",
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = gateway.RegionAddress } },
            });
            routes.Add(new RouteConfig
            {
                RouteId = "region",
                ClusterId = "region",
                Match = new RouteMatch { Path = "/region/{**rest}" },
                // Regional actions belong to no authority: any authenticated caller gets through here,
                // and the region service itself requires the regional-coordinator role for changes.
                AuthorizationPolicy = "Default",
                RateLimiterPolicy = RateLimitPolicy,
                Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = "/region" }],
            });
            routes.Add(ApiDescription(RegionServiceDocument, "region"));
        }

        if (!string.IsNullOrWhiteSpace(gateway.AlertsAddress))
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = AlertsDocument,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = gateway.AlertsAddress } },
            });

            // One route per force, so the gateway can hold each force to its own inbox before forwarding.
            foreach (var force in region.PoliceForces.Select(f => f.Id))
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"police-{force}",
                    ClusterId = AlertsDocument,
                    Match = new RouteMatch { Path = $"/police/{force}/{{**rest}}" },
                    AuthorizationPolicy = AuthorityPolicy,
                    RateLimiterPolicy = RateLimitPolicy,
                    Metadata = new Dictionary<string, string> { ["force"] = force },
                    Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = "/police" }],
                });
            }

            routes.Add(ApiDescription(AlertsDocument, AlertsDocument));
        }

        if (!string.IsNullOrWhiteSpace(gateway.IdentityAddress))
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = "identity",
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = gateway.IdentityAddress } },
            });
            routes.Add(new RouteConfig
            {
                RouteId = "identity",
                ClusterId = "identity",
                Match = new RouteMatch { Path = "/identity/{**rest}" },
                // Token requests come before there is a token.
                AuthorizationPolicy = "Anonymous",
                RateLimiterPolicy = RateLimitPolicy,
                Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = "/identity" }],
            });
        }

        return (routes, clusters);
    }

    /// <summary>The OpenAPI document name (and cluster) of the police alerts service.</summary>
    public const string AlertsDocument = "alerts";

    /// <summary>The OpenAPI document name of the region's coordination service.</summary>
    public const string RegionServiceDocument = "region";

    /// <summary><c>/openapi/{document}.json</c> through the gateway: a service's own <c>/openapi/v1.json</c>.</summary>
    private static RouteConfig ApiDescription(string document, string clusterId) => new()
    {
        RouteId = $"openapi-{document}",
        ClusterId = clusterId,
        Match = new RouteMatch { Path = $"/openapi/{document}.json", Methods = ["GET"] },
        AuthorizationPolicy = "Anonymous",
        RateLimiterPolicy = RateLimitPolicy,
        Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
    };

    private static string ClusterId(string authority, string service) => $"{authority}-{service}";

    internal static string AddressOf(GatewayOptions gateway, string authority, string service)
    {
        if (gateway.Destinations.TryGetValue(authority, out var services) && services.TryGetValue(service, out var explicitAddress))
        {
            return explicitAddress;
        }

        return gateway.ServiceAddresses.TryGetValue(service, out var template)
            ? template.Replace("{authority}", authority, StringComparison.Ordinal)
            : throw new InvalidOperationException($"Gateway:ServiceAddresses:{service} is not configured (needed for {authority}).");
    }
}
