using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regional.Messaging;
using Regional.Referral.Consumers;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Referral.Features;
using Regional.Region;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Referral;

public static class ReferralService
{
    public const string Name = "referral";

    /// <summary>
    /// One authority's referral service: CRE concerns about children in its area, the reciprocal
    /// cases it holds as host, and the tracking of its own children's cases elsewhere.
    /// <c>Authority</c> says which; its database (<c>ConnectionStrings:Referral</c>) and queue
    /// (<c>{authority}.referral</c>) are its own.
    /// </summary>
    public static WebApplicationBuilder AddReferralService(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration["Authority"]
            ?? throw new InvalidOperationException("Authority is not configured: which authority's referral service is this?");
        var self = new ServiceIdentity(authority, Name);

        builder.AddServiceDefaults("regional-referral", authority);
        builder.AddRegionalAuthentication();
        builder.Services.AddAuthorizationBuilder().AddPolicy(ReferralEndpoints.PracticePolicy, policy => policy
            .RequireAuthenticatedUser()
            // The caller must belong to this authority: a council sees only its own records.
            .RequireClaim(RegionalClaims.Authority, authority)
            .RequireClaim(RegionalClaims.Role, RegionalRoles.Practitioner, RegionalRoles.CreCoordinator, RegionalRoles.System));

        builder.Services.AddRegion(builder.Configuration);
        builder.Services.AddOptions<RegionOptions>().Validate(
            r => r.Authorities.Exists(a => a.Id == authority), $"Authority '{authority}' is not an authority of the region.");
        builder.Services.AddOptions<ReferralOptions>().Bind(builder.Configuration.GetSection(ReferralOptions.SectionName));
        builder.Services.AddOptions<ReviewOptions>().Bind(builder.Configuration.GetSection(ReviewOptions.SectionName))
            .Validate(o => o.FirstReviewWithinDays > 0 && o.ReviewEveryMonths > 0, "Review intervals must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ReviewSchedule(sp.GetRequiredService<IOptions<ReviewOptions>>().Value));
        builder.Services.AddServiceDatabase<ReferralDbContext, SqliteReferralDbContext, PostgresReferralDbContext, SqlServerReferralDbContext>(builder.Configuration, "Referral");
        builder.Services.AddSingleton<ReferralMetrics>();
        builder.Services.AddSingleton<ReviewOverdueSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReviewOverdueSweep>());
        builder.Services.AddOpenApi();

        builder.Services.AddRegionalMessaging<ReferralDbContext>(builder.Configuration, self, bus =>
        {
            bus.AddConsumer<IncomingChildRegisteredConsumer, IncomingChildRegisteredConsumerDefinition>();
            bus.AddConsumer<IncomingChildEndedConsumer, IncomingChildEndedConsumerDefinition>();
            bus.AddConsumer<CrossBorderConcernRaisedConsumer, CrossBorderConcernRaisedConsumerDefinition>();
            bus.AddConsumer<ReciprocalReviewHeldConsumer, ReciprocalReviewHeldConsumerDefinition>();
            bus.AddConsumer<CaseClosureProposedConsumer, CaseClosureProposedConsumerDefinition>();
            bus.AddConsumer<ReciprocalCaseClosedConsumer, ReciprocalCaseClosedConsumerDefinition>();
            bus.AddConsumer<RiskToolAlignmentChangedConsumer, RiskToolAlignmentChangedConsumerDefinition>();
        });
        return builder;
    }

    public static WebApplication MapReferralService(this WebApplication app)
    {
        app.UseServiceDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        app.MapReferralEndpoints();
        return app;
    }
}
