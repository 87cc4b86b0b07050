using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Regional.Region;

namespace Regional.UnitTests;

/// <summary>The region file that ships with the project, so tests exercise the real definition.</summary>
internal static class TestRegion
{
    public static RegionOptions Load() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "region.json")).Build()
            .GetSection(RegionOptions.SectionName).Get<RegionOptions>()!;

    public static IOptions<RegionOptions> Options(RegionOptions? region = null) =>
        Microsoft.Extensions.Options.Options.Create(region ?? Load());

    public static WorkingDayCalendar Calendar() => new(Options());
}
