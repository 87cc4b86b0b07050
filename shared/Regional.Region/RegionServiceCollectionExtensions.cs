using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Regional.Region;

public static class RegionServiceCollectionExtensions
{
    /// <summary>Binds the region from configuration and fails start-up if it is invalid.</summary>
    public static IServiceCollection AddRegion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegionOptions>()
            .Bind(configuration.GetSection(RegionOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegionOptions>, RegionOptionsValidator>();
        services.AddSingleton<RegionDirectory>();
        services.AddSingleton<WorkingDayCalendar>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
