using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Regional.Messaging;
using Regional.Placement.Consumers;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Placement.Features;
using Regional.Region;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Placement;

public static class PlacementService
{
    public const string Name = "placement";

    /// <summary>
    /// One authority's placement service. <c>Authority</c> in configuration says which; its
    /// database (<c>ConnectionStrings:Placement</c>) and queue (<c>{authority}.placement</c>) are its own.
    /// </summary>
    public static WebApplicationBuilder AddPlacementService(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration["Authority"]
            ?? throw new InvalidOperationException("Authority is not configured: which authority's placement service is this?");
        var self = new ServiceIdentity(authority, Name);

        builder.AddServiceDefaults("regional-placement", authority);
        builder.AddRegionalAuthentication();
        builder.Services.AddAuthorizationBuilder().AddPolicy(PlacementEndpoints.PracticePolicy, policy => policy
            .RequireAuthenticatedUser()
            // The caller must belong to this authority: a council sees only its own records.
            .RequireClaim(RegionalClaims.Authority, authority)
            .RequireClaim(RegionalClaims.Role, RegionalRoles.Practitioner, RegionalRoles.CreCoordinator, RegionalRoles.System));

        builder.Services.AddRegion(builder.Configuration);
        builder.Services.AddOptions<RegionOptions>().Validate(
            r => r.Authorities.Exists(a => a.Id == authority), $"Authority '{authority}' is not an authority of the region.");
        builder.Services.AddOptions<PlacementOptions>().Bind(builder.Configuration.GetSection(PlacementOptions.SectionName));
        builder.Services.AddServiceDatabase<PlacementDbContext, SqlitePlacementDbContext, PostgresPlacementDbContext, SqlServerPlacementDbContext>(builder.Configuration, "Placement");
        builder.Services.AddSingleton<StatutoryClocks>();
        builder.Services.AddSingleton<PlacementMetrics>();
        builder.Services.AddScoped<IOutboxDispatchListener, MarkNotificationsSent>();
        builder.Services.AddSingleton<OverdueSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueSweep>());
        builder.Services.AddOpenApi();

        builder.Services.AddRegionalMessaging<PlacementDbContext>(builder.Configuration, self, bus =>
        {
            bus.AddConsumer<PlacementNoticeConsumer, PlacementNoticeConsumerDefinition>();
            bus.AddConsumer<PlacementEndNoticeConsumer, PlacementEndNoticeConsumerDefinition>();
            bus.AddConsumer<NoticeReceivedConsumer, NoticeReceivedConsumerDefinition>();
            bus.AddConsumer<NoticeAcknowledgedConsumer, NoticeAcknowledgedConsumerDefinition>();
        });
        return builder;
    }

    public static WebApplication MapPlacementService(this WebApplication app)
    {
        app.UseServiceDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        app.MapPlacementEndpoints();
        return app;
    }
}
