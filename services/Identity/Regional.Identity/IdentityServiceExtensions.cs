using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regional.Identity;

public static class IdentityServiceExtensions
{
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityServiceOptions>()
            .Bind(builder.Configuration.GetSection(IdentityServiceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<IdentityServiceOptions>, IdentityServiceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<TokenIssuer>();
        services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapIdentityService(this WebApplication app)
    {
        // Reading the options validates them, and resolving the key loads or generates it:
        // a bad configuration or key file stops the start, not the first request.
        var options = app.Services.GetRequiredService<IOptions<IdentityServiceOptions>>().Value;
        app.Services.GetRequiredService<SigningKeys>();

        app.MapDiscoveryEndpoints();
        app.MapTokenEndpoint();
        if (options.DemoUsers.Enabled)
        {
            IdentityLog.DemoSignInEnabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityServiceExtensions).FullName!));
            app.MapDevSignInEndpoints();
        }

        app.MapGet("/health/live", () => TypedResults.Text("Healthy"));
        return app;
    }
}
