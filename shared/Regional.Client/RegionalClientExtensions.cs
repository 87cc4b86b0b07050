using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Regional.Client;

public static class RegionalClientExtensions
{
    /// <summary>
    /// Registers <see cref="IPlacementsApi"/>, <see cref="IReferralsApi"/>, <see cref="IConsentApi"/>, <see cref="IRegionApi"/> and <see cref="IAlertsApi"/>
    /// against the region's gateway, each request carrying a bearer token from <paramref name="accessToken"/>
    /// (asked per request, so the caller's own cache decides when to refresh).
    /// </summary>
    public static IServiceCollection AddRegionalClient(
        this IServiceCollection services, Uri gateway, Func<CancellationToken, Task<string>> accessToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(accessToken);
        services.AddTransient(_ => new BearerTokenHandler(accessToken));
        Add<IPlacementsApi>(services, gateway);
        Add<IReferralsApi>(services, gateway);
        Add<IConsentApi>(services, gateway);
        Add<IRegionApi>(services, gateway);
        Add<IAlertsApi>(services, gateway);
        return services;
    }

    /// <summary>
    /// The services' own JSON: web defaults, so camelCase names and DateOnly as yyyy-MM-dd. Bodies
    /// are buffered, so every request carries a Content-Length: Refit would otherwise send them
    /// chunked, which some councils' proxies refuse and which a body-size limit can only reject late.
    /// </summary>
    public static RefitSettings Settings() =>
        new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
        {
            RequestBodySerialization = RequestBodySerializationMode.Buffered,
        };

    // The generated builder: Refit's reflection builder is not part of the packages this client takes.
    private static void Add<T>(IServiceCollection services, Uri gateway)
        where T : class =>
        services.AddRefitGeneratedClient<T>(Settings())
            .ConfigureHttpClient(c => c.BaseAddress = gateway)
            .AddHttpMessageHandler<BearerTokenHandler>();
}

public sealed class BearerTokenHandler(Func<CancellationToken, Task<string>> accessToken) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await accessToken(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
