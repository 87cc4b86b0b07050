using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Regional.Security;

public static class RegionalAuthenticationExtensions
{
    /// <summary>
    /// Bearer-token authentication against the OpenID Connect issuer named in the
    /// <c>Authentication</c> configuration section, plus authorization services.
    /// </summary>
    public static WebApplicationBuilder AddRegionalAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddRegionalAuthentication(builder.Configuration);
        return builder;
    }

    /// <inheritdoc cref="AddRegionalAuthentication(WebApplicationBuilder)"/>
    public static IServiceCollection AddRegionalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegionalAuthenticationOptions>()
            .Bind(configuration.GetSection(RegionalAuthenticationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<RegionalAuthenticationOptions>, RegionalAuthenticationOptionsValidator>());

        services.AddHttpClient(RegionalAuthenticationDefaults.DiscoveryHttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024; // Discovery and JWKS are a few KB.
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegionalTokenValidator>();

        services.AddAuthentication(RegionalAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, RegionalBearerHandler>(RegionalAuthenticationDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return services;
    }
}
