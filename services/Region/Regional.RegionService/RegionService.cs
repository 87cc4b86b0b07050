using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Regional.RegionService.Data;
using Regional.ServiceKit;

namespace Regional.RegionService;

public static class RegionService
{
    public const string Name = "coordination";

    /// <summary>The sender name of regional decisions, where an authority id would otherwise be.</summary>
    public const string Participant = "region";

    public const string CoordinatorPolicy = ServicePolicies.RegionalCoordinator;

    /// <summary>
    /// The regional coordinator's service, one for the whole region: it publishes which risk tool
    /// versions are aligned. Its database (<c>ConnectionStrings:Region</c>) holds no child's data.
    /// </summary>
    public static WebApplicationBuilder AddRegionService(this WebApplicationBuilder builder) =>
        builder.AddRegionWideService<RegionDbContext>(Name, Participant, service =>
        {
            service.Database<SqliteRegionDbContext, PostgresRegionDbContext, SqlServerRegionDbContext>("Region");
            service.Options<AlignmentOptions>(AlignmentOptions.SectionName);
            service.Services.AddHostedService<AnnounceAlignmentOnStart>();
        });

    public static WebApplication MapRegionService(this WebApplication app) =>
        app.MapService(MapAlignmentEndpoints);

    private static void MapAlignmentEndpoints(IEndpointRouteBuilder app)
    {
        // Paths are relative: the gateway maps /region/... here.
        var tool = app.MapGroup("/risk-tool").WithTags("Risk tool alignment");
        tool.MapGet("/alignment", Alignment.Get)
            .RequireAuthorization()
            .WithName("GetAlignment")
            .WithSummary("The risk tool versions aligned across the region, those retired, and every known version.");
        tool.MapPut("/alignment", Alignment.Put)
            .RequireAuthorization(CoordinatorPolicy)
            .WithName("SetAlignment")
            .WithSummary("Publish the aligned and retired versions; every authority learns of it over the broker.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        tool.MapPost("/versions/{version}/align", Alignment.Align)
            .RequireAuthorization(CoordinatorPolicy)
            .WithName("AlignVersion")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        tool.MapPost("/versions/{version}/retire", Alignment.Retire)
            .RequireAuthorization(CoordinatorPolicy)
            .WithName("RetireVersion")
            .WithSummary("Retire a version: cross-border assessments with it are refused and open reviews assessed with it are flagged for reassessment.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }
}

public sealed class AlignmentOptions
{
    public const string SectionName = "RiskTool";

    /// <summary>Versions aligned when the region first starts; by default the newest embedded version.</summary>
    public List<string> InitiallyAligned { get; set; } = [];
}
